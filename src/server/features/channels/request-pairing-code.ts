import { CHANNEL_MESSAGES } from '../../../contracts/channels';
import { AppError } from '../../app-error';
import { isWhapiError } from '../../integrations/whapi/index';
import type { ChannelDeps } from './channel-deps';
import { requireChannelView } from './channel-row';
import { gateFor } from './channel-whapi';
import { applyLinkObservation } from './link-state';
import { requireLinkable } from './request-qr';

/** Linking by phone number instead of QR: `GET /users/login/{phone}` gives the code to type into WhatsApp. */
export async function requestPairingCode(
  deps: ChannelDeps,
  input: { channelId: string; ownerId: string | null; phone?: string | undefined },
): Promise<{ code: string; phone: string }> {
  const view = await requireChannelView(deps.db, input.channelId, input.ownerId);
  requireLinkable(view);
  const phone = input.phone ?? view.channel.phone;
  if (!phone) throw new AppError('VALIDATION_FAILED', 'Enter the phone number to link.', { fields: { phone: 'Enter the phone number to link.' } });
  try {
    const code = await gateFor(deps, view.channel).pairingCode(phone.replace(/\D/g, ''));
    await deps.db.transaction((tx) => applyLinkObservation(tx, view.channel.id, { kind: 'qr_shown' }));
    return { code, phone };
  } catch (error) {
    if (!(isWhapiError(error) && error.kind === 'conflict')) throw error;
    await deps.db.transaction((tx) => applyLinkObservation(tx, view.channel.id, { kind: 'authorized' }));
    throw new AppError('CONFLICT', CHANNEL_MESSAGES.alreadyLinked);
  }
}
