import { effectiveLimits, withinLimit } from '../../../domain/access';
import type { LimitKey } from '../../../domain/plans';
import { AppError } from '../../app-error';
import type { SessionUser } from '../auth/find-session';

// DOMAIN.md "Messages shown to people" gives the channel message; the others follow its wording.
const LIMIT_MESSAGES: Record<LimitKey, string> = {
  channels: 'Channel limit reached for your plan.',
  daily: 'Daily message limit reached for your plan.',
  bulk: 'Bulk message limit reached for your plan.',
  chatbots: 'Chatbot limit reached for your plan.',
};

/**
 * Throws unless one more use of `key` fits the user's effective limit (override over plan, -1 unlimited).
 * `used` is counted by the caller inside its own transaction, so the check and the write share one snapshot.
 */
export function requireLimit(user: SessionUser, key: LimitKey, used: number): void {
  if (user.role === 'admin') return;
  const limit = effectiveLimits(user.subscription)[key];
  if (!withinLimit(limit, used)) throw new AppError('LIMIT_REACHED', LIMIT_MESSAGES[key]);
}
