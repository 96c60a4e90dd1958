import { Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { CHANNEL_MESSAGES } from '../../../contracts/channels';
import { onChannelConnected, showChannelConnected } from './channel-connected-notice';
import { channelScopeKey, type ChannelLinkScope } from './channel-link-scope';
import { useChannelHealth } from './channel-health';
import { PairingCodePanel } from './pairing-code-panel';
import { QrCodePanel } from './qr-code-panel';
import { useQrSession } from './use-qr-session';

export interface QrDialogChannel {
  id: string;
  name: string;
  phone: string | null;
}

interface QrDialogProps {
  scope: ChannelLinkScope;
  /** The channel to link; null keeps the dialog closed. */
  channel: QrDialogChannel | null;
  title?: string;
  onClose: () => void;
}

type Method = 'qr' | 'code';

/**
 * "Show QR" (user) and "Re-authorize" (admin): link a WhatsApp phone to the channel by QR code or pairing code.
 * The link is noticed by the owner's `channel.updated` event or, when WHAPI's webhooks cannot reach us (and for an
 * admin, who gets no event for another person's channel), by polling the channel's health; either way the dialog
 * closes with the success message.
 */
export function QrDialog({ scope, channel, title, onClose }: QrDialogProps) {
  return (
    <Modal opened={channel !== null} onClose={onClose} title={title ?? (channel ? `Link ${channel.name}` : 'Link channel')} centered size="md">
      {channel && <LinkSession key={channel.id} scope={scope} channel={channel} onClose={onClose} />}
    </Modal>
  );
}

function LinkSession({ scope, channel, onClose }: { scope: ChannelLinkScope; channel: QrDialogChannel; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<Method>('qr');
  const session = useQrSession(scope, channel.id, method === 'qr');
  const health = useChannelHealth(scope, channel.id, true);
  // Only a change to "connected" counts: an admin re-authorizing a channel that is still linked gets WHAPI's
  // "already linked" answer instead of an instant, misleading success.
  const sawUnlinked = useRef(false);
  const connected = health.data?.connected;
  const connectedMessage = health.data?.message ?? CHANNEL_MESSAGES.connected;

  useEffect(() => {
    if (connected === false) sawUnlinked.current = true;
    if (connected && sawUnlinked.current) {
      showChannelConnected(channel.id, connectedMessage);
      onClose();
    }
  }, [connected, connectedMessage, channel.id, onClose]);

  // The owner's event stream announces the link directly (the notice is already shown by then).
  useEffect(
    () =>
      onChannelConnected((id) => {
        if (id === channel.id) onClose();
      }),
    [channel.id, onClose],
  );

  // Showing a code moves the channel to qr_generated, and "already linked" to authorized: refresh the lists.
  useEffect(() => {
    return () => void queryClient.invalidateQueries({ queryKey: channelScopeKey(scope) });
  }, [queryClient, scope]);
  const linked = session.view.kind === 'already_linked';
  useEffect(() => {
    if (linked) void queryClient.invalidateQueries({ queryKey: channelScopeKey(scope) });
  }, [linked, queryClient, scope]);

  return (
    <Stack gap="md">
      {channel.phone && (
        <Text size="sm" c="dimmed">
          Link WhatsApp on {channel.phone} to this channel.
        </Text>
      )}
      {!linked && (
        <SegmentedControl
          fullWidth
          value={method}
          onChange={(value) => setMethod(value as Method)}
          data={[
            { value: 'qr', label: 'Scan QR code' },
            { value: 'code', label: 'Use phone number' },
          ]}
          aria-label="How to link"
        />
      )}
      {method === 'qr' || linked ? (
        <QrCodePanel
          channelName={channel.name}
          view={session.view}
          secondsLeft={session.secondsLeft}
          onRefresh={session.refresh}
          onRetry={session.retry}
          onClose={onClose}
        />
      ) : (
        <PairingCodePanel scope={scope} channelId={channel.id} phone={channel.phone} />
      )}
    </Stack>
  );
}
