import { useMutation } from '@tanstack/react-query';
import { pairingCodeReply } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath, type ChannelLinkScope } from './channel-link-scope';

/** Linking without a camera: WHAPI gives a code to type in WhatsApp → Linked devices → Link with phone number. */
export function requestPairingCode(scope: ChannelLinkScope, channelId: string, phone: string) {
  return apiRequest(`${channelApiPath(scope, channelId)}/pairing-code`, pairingCodeReply, { method: 'POST', body: { phone } });
}

export function useRequestPairingCode(scope: ChannelLinkScope, channelId: string) {
  return useMutation({
    mutationKey: [scope, 'channels', 'pairing-code'],
    mutationFn: (phone: string) => requestPairingCode(scope, channelId, phone),
  });
}
