import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  /** Why the last attempt failed, shown under the question. */
  error?: Error | null;
}

/** A yes/no question before an action that is hard to undo; the caller closes it once the action succeeds. */
export function ConfirmModal({ opened, title, children, confirmLabel, color = 'red', loading, onConfirm, onClose, error }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="lg">
        <Stack gap="sm" fz="sm">
          {children}
          {error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {error.message}
            </Alert>
          )}
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading} data-autofocus>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
