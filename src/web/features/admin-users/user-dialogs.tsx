import type { AdminUserRow } from '../../../contracts/admin-users';
import { BanModal, UnbanModal } from './ban-modals';
import { DaysModal } from './days-modal';
import { OverridesModal } from './overrides-modal';
import type { UserAction } from './user-actions-menu';

export interface OpenDialog {
  action: UserAction;
  user: Pick<AdminUserRow, 'id' | 'name' | 'email' | 'daysRemaining'>;
}

/** The one dialog a row action opened; each dialog closes itself once its action succeeds. */
export function UserDialogs({ open, onClose }: { open: OpenDialog | null; onClose: () => void }) {
  const pick = (...actions: UserAction[]) => (open && actions.includes(open.action) ? open.user : null);
  const days = pick('addDays', 'removeDays');
  const overrides = pick('limits', 'pages', 'edit');
  return (
    <>
      <DaysModal target={days} direction={open?.action === 'removeDays' ? 'remove' : 'add'} onClose={onClose} />
      <OverridesModal
        userId={overrides?.id ?? null}
        dialog={open?.action === 'limits' ? 'limits' : open?.action === 'pages' ? 'pages' : 'edit'}
        onClose={onClose}
      />
      <BanModal target={pick('ban')} onClose={onClose} />
      <UnbanModal target={pick('unban')} onClose={onClose} />
    </>
  );
}
