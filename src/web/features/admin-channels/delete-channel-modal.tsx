import { Skeleton, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../components/confirm-modal';
import { daysLabel, formatDate } from '../channels/channel-labels';
import { useDeleteChannel } from './delete-channel';
import { useDeletePreview } from './delete-preview';
import { newIdempotencyKey } from './idempotency-key';

interface DeleteChannelModalProps {
  channel: { id: string; name: string } | null;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Admin-only delete (spec 004): WHAPI deletes the channel, we soft-delete it and refund the whole unused days to
 * the main balance. The refund shown comes from the server's preview, computed the same way.
 */
export function DeleteChannelModal({ channel, onClose, onDeleted }: DeleteChannelModalProps) {
  const preview = useDeletePreview(channel?.id ?? null);
  const remove = useDeleteChannel();

  const close = () => {
    onClose();
    remove.reset();
  };

  const confirm = () => {
    if (!channel) return;
    remove.mutate(
      { channelId: channel.id, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (reply) => {
          notifications.show({ color: 'teal', title: 'Channel deleted', message: reply.message });
          remove.reset();
          onDeleted();
        },
      },
    );
  };

  const refund = preview.data?.refundDays;
  return (
    <ConfirmModal
      error={remove.error}
      opened={channel !== null}
      title="Delete this channel?"
      confirmLabel="Delete channel"
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={close}
    >
      <Text size="sm">
        <b>{channel?.name}</b> is deleted at WHAPI and disconnected from WhatsApp. This cannot be undone.
      </Text>
      {preview.isError ? (
        <Text size="sm" c="red">
          {preview.error.message}
        </Text>
      ) : refund === undefined ? (
        <Skeleton height={18} width="70%" />
      ) : (
        <Text size="sm" data-testid="delete-refund">
          {refund > 0
            ? `${daysLabel(refund)} of unused time will be credited back to your main balance`
            : 'No whole unused days are left to credit back to your main balance'}
          {preview.data?.expiresAt ? ` (it expires ${formatDate(preview.data.expiresAt)}).` : '.'}
        </Text>
      )}
    </ConfirmModal>
  );
}
