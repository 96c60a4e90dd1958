import { qrReply } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath, type ChannelLinkScope } from './channel-link-scope';

/** A QR code for linking the channel (WHAPI `GET /users/login?wakeup=true` with the channel token). */
export function requestQr(scope: ChannelLinkScope, channelId: string, rotation: number, signal?: AbortSignal) {
  return apiRequest(`${channelApiPath(scope, channelId)}/qr`, qrReply, { method: 'POST', body: { rotation }, signal });
}
