import { eq } from 'drizzle-orm';
import { channels } from '../../db/schema/index';
import { withPartnerClient } from '../whapi/with-partner-client';
import type { ChannelDeps } from './channel-deps';

/**
 * New partner channels start in WHAPI's trial mode (NOTES A12); once we have paid days onto one it must run in
 * live mode. Best effort after the commit: the days are ours either way, and the reconciler tries again for any
 * active channel still in trial. A mode change restarts the channel (NOTES A8), so it is never retried at once.
 */
export async function switchToLive(deps: ChannelDeps, channelId: string, channelRef: string): Promise<boolean> {
  try {
    await withPartnerClient(deps, (client) => client.changeMode(channelRef, 'live'));
    await deps.db.update(channels).set({ mode: 'live', updatedAt: new Date() }).where(eq(channels.id, channelId));
    return true;
  } catch (error) {
    deps.log.warn({ err: error, channelId }, 'could not switch the channel to live mode; the reconciler will retry');
    return false;
  }
}
