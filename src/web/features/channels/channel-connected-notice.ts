import { notifications } from '@mantine/notifications';

/**
 * DOMAIN.md "Channels": once linked, the person sees "Channel connected successfully and now active." within a
 * second, without a reload. The text is the server's (CHANNEL_MESSAGES.connected, carried by the event and by the
 * health reply), so this module stays out of the contracts and the app shell stays light. The event stream and the
 * QR dialog's health polling may both notice the link; the fixed id shows the message once.
 */
export function showChannelConnected(channelId: string, message: string): void {
  notifications.show({
    id: `channel-connected-${channelId}`,
    color: 'teal',
    title: 'WhatsApp linked',
    message,
    autoClose: 8_000,
  });
}
