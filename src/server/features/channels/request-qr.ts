import QRCode from 'qrcode';
import { CHANNEL_MESSAGES, QR_FALLBACK_SECONDS, QR_MAX_ROTATIONS, type QrReply } from '../../../contracts/channels';
import { AppError } from '../../app-error';
import { isWhapiError } from '../../integrations/whapi/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { ChannelDeps } from './channel-deps';
import { qrBlockReason, requireChannelView, type ChannelView } from './channel-row';
import { gateFor } from './channel-whapi';
import { applyLinkObservation } from './link-state';

/** Throws the reason QR linking is not open for this channel (pending, expired, banned owner). */
export function requireLinkable(view: ChannelView): void {
  const reason = qrBlockReason(view, new Date());
  if (reason) throw new AppError('CONFLICT', reason);
}

/**
 * "Show QR" (spec 000 §1d): `GET /users/login?wakeup=true` with the channel token. While shown the channel is
 * `qr_generated`; WHAPI's 409 means the phone is already linked, which we record. An admin's first code of a
 * dialog is a re-authorization and is audited.
 */
export async function requestQr(
  deps: ChannelDeps,
  input: { actor: Actor; channelId: string; ownerId: string | null; rotation: number; reauthorize: boolean },
): Promise<QrReply> {
  const view = await requireChannelView(deps.db, input.channelId, input.ownerId);
  requireLinkable(view);
  try {
    const qr = await gateFor(deps, view.channel).loginQr();
    await deps.db.transaction(async (tx) => {
      await applyLinkObservation(tx, view.channel.id, { kind: 'qr_shown' });
      if (input.reauthorize && input.rotation === 1) {
        await recordAudit(tx, input.actor, {
          action: 'channel.reauthorize',
          target: { type: 'channel', id: view.channel.id, label: view.channel.name },
          meta: { channelRef: view.channel.channelRef, authStatusBefore: view.channel.authStatus },
        });
      }
    });
    return {
      state: 'qr',
      // WHAPI normally sends the picture; when it sends only the payload we draw it, so the dialog always has one.
      qrDataUrl: qr.qrDataUrl ?? (qr.qrText ? await QRCode.toDataURL(qr.qrText, { margin: 1, width: 264 }) : null),
      qrText: qr.qrText,
      expiresInSeconds: Math.max(1, Math.round(qr.expiresInSeconds || QR_FALLBACK_SECONDS)),
      rotation: input.rotation,
      maxRotations: QR_MAX_ROTATIONS,
    };
  } catch (error) {
    if (!(isWhapiError(error) && error.kind === 'conflict')) throw error;
    await deps.db.transaction((tx) => applyLinkObservation(tx, view.channel.id, { kind: 'authorized' }));
    return { state: 'already_linked', message: CHANNEL_MESSAGES.alreadyLinked };
  }
}
