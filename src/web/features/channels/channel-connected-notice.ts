import { notifications } from '@mantine/notifications';

type ConnectedListener = (channelId: string) => void;
const listeners = new Set<ConnectedListener>();

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

/** The `channel.updated` event said the phone was just linked: show the message and tell an open QR dialog. */
export function announceChannelConnected(channelId: string, message: string): void {
  showChannelConnected(channelId, message);
  for (const listener of listeners) listener(channelId);
}

/** For the QR dialog: called when the event stream announces a link; returns the unsubscribe function. */
export function onChannelConnected(listener: ConnectedListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
