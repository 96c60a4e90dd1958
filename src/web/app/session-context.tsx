import { createContext, use } from 'react';
import type { Me } from '../../contracts/auth';

// The app shell renders its pages only while a session is known, so pages can rely on `me` being there
// and always see the latest copy (e.g. right after the name changes on the Account page).
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = use(SessionContext);
  if (!me) throw new Error('useSession() is only available inside the app shell');
  return me;
}
