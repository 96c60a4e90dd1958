import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ConfirmModal } from '../../components/confirm-modal';
import { useBanUser, useUnbanUser } from './user-mutations';

export interface BanTarget {
  id: string;
  name: string;
  email: string;
}

/** Ban with an optional reason (spec 004 §5): the user is signed out everywhere at once and their work stops. */
export function BanModal({ target, onClose }: { target: BanTarget | null; onClose: () => void }) {
  const ban = useBanUser();
  const [reason, setReason] = useState('');
  const { reset } = ban;
  useEffect(() => {
    setReason('');
    reset();
  }, [target?.id, reset]);

  const confirm = () => {
    if (!target) return;
    ban.mutate(
      { id: target.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'red', message: `${target.name} is banned and has been signed out.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={target !== null} onClose={onClose} title="Ban user" centered>
      {target && (
        <Stack gap="md">
          <Text size="sm">
            Ban <b>{target.name}</b> ({target.email})? They are signed out of every session at once, cannot sign in, and their
            channels, sends, chatbots and workflows stop until you unban them.
          </Text>
          {ban.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {ban.error.message}
            </Alert>
          )}
          <Textarea
            label="Reason"
            description="Optional. Shown to admins on the user's badge and in the audit log."
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={ban.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={ban.isPending}>
              Ban user
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function UnbanModal({ target, onClose }: { target: BanTarget | null; onClose: () => void }) {
  const unban = useUnbanUser();
  const { reset } = unban;
  useEffect(() => reset(), [target?.id, reset]);
  return (
    <ConfirmModal
      error={unban.error}
      opened={target !== null}
      title="Unban user"
      confirmLabel="Unban user"
      color="teal"
      loading={unban.isPending}
      onClose={onClose}
      onConfirm={() =>
        target &&
        unban.mutate(target.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `${target.name} can sign in again.` });
            onClose();
          },
        })
      }
    >
      <Text size="sm">
        Unban <b>{target?.name}</b>? They can sign in again and their channels and scheduled work resume.
      </Text>
    </ConfirmModal>
  );
}
