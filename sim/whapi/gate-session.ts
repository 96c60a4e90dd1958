import type { HandlerTable } from './api-dispatcher';
import { requireGateChannel } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { currentHealth, finishBoot, healthBody, syncHealth, wake } from './channel-health';
import { emitGateEvent } from './gate-events';
import { newPairingCode, newQrSeed } from './ids';
import { currentQr, renderQrDataUrl, renderQrPng, type QrLook } from './qr-session';
import type { SimContext } from './sim-context';
import type { ChannelRecord } from './state';

/** Health, linking (QR, pairing code) and logout (NOTES §B1–B3). */

/** Asking to log in brings the instance up (unless `wakeup=false`); a linked channel answers 409 and a stopped one
 *  402, the status WHAPI uses when days or limits run out. Returns whether a QR can be shown now. */
function prepareLogin(sim: SimContext, channel: ChannelRecord, wakeup: unknown): boolean {
  const now = sim.clock.now();
  if (currentHealth(channel, now) === 'STOP') throw new SimHttpError(402, 'Channel is stopped: no active days left or stopped by the partner');
  if (channel.user) throw new SimHttpError(409, 'Channel already authenticated');
  if (wakeup !== false) {
    wake(channel, now);
    finishBoot(channel, now);
  }
  return syncHealth(sim, channel) === 'QR';
}

async function qrBody(sim: SimContext, channel: ChannelRecord, query: Record<string, unknown>, withImage: boolean) {
  if (!prepareLogin(sim, channel, query.wakeup)) return { body: { status: 'WAITING' } };
  const { rowdata, expire } = currentQr(channel, sim.clock.now());
  const base64 = withImage ? { base64: await renderQrDataUrl(rowdata, query as QrLook) } : {};
  return { body: { status: 'OK', ...base64, rowdata, expire } };
}

/** Logout and an unlink from the phone end the same way: users.delete, then a fresh QR session. */
export function unlinkUser(sim: SimContext, channel: ChannelRecord): void {
  const user = channel.user;
  if (!user) throw new SimHttpError(409, 'Channel already logged out');
  channel.user = null;
  channel.qrSince = sim.clock.now();
  channel.qrSeed = newQrSeed();
  emitGateEvent(sim, channel, 'users', 'delete', { user });
  syncHealth(sim, channel);
}

export const gateSessionHandlers: HandlerTable = {
  'GET /health': (sim, request) => {
    const channel = requireGateChannel(request);
    if (request.query.wakeup !== false) wake(channel, sim.clock.now());
    syncHealth(sim, channel);
    return { body: healthBody(channel, sim.clock.now()) };
  },
  'GET /users/login': (sim, request) => qrBody(sim, requireGateChannel(request), request.query, true),
  'GET /users/login/rowdata': (sim, request) => qrBody(sim, requireGateChannel(request), request.query, false),
  'GET /users/login/image': async (sim, request) => {
    const channel = requireGateChannel(request);
    if (!prepareLogin(sim, channel, request.query.wakeup)) throw new SimHttpError(422, 'Render QR failed: the channel is still starting');
    const png = await renderQrPng(currentQr(channel, sim.clock.now()).rowdata, request.query as QrLook);
    return { body: png, contentType: 'image/png' };
  },
  'GET /users/login/{PhoneNumber}': (sim, request) => {
    const channel = requireGateChannel(request);
    const phone = request.params.PhoneNumber ?? '';
    prepareLogin(sim, channel, true);
    // Remembered so that /__sim/channels/:id/link without a phone links this number.
    channel.pairingPhone = phone;
    return { body: { code: newPairingCode() } };
  },
  'POST /users/logout': (sim, request) => {
    unlinkUser(sim, requireGateChannel(request));
    return { body: { success: true } };
  },
};
