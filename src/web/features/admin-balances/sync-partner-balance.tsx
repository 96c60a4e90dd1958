import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { ConfirmModal } from '../../components/confirm-modal';
import { formatDateTime, formatDays } from '../../components/partner-balance';
import { useBalanceSummary } from './balance-summary-query';
import { useSyncMainBalance } from './sync-main-balance';

const signed = (days: number) => `${days > 0 ? '+' : days < 0 ? '−' : ''}${formatDays(Math.abs(days))}`;

function unit(days: number): string {
  return Math.abs(days) === 1 ? 'day' : 'days';
}

/**
 * "Sync with partner balance": records one `sync` ledger row that sets the main balance to the latest partner
 * notice, after the admin has seen both figures and the correction.
 */
export function SyncPartnerBalance() {
  const summary = useBalanceSummary();
  const sync = useSyncMainBalance();
  const [opened, dialog] = useDisclosure(false);
  const data = summary.data;
  const partner = data?.partner;
  if (!data || !partner) return null;

  const difference = data.difference;
  const reason =
    partner.currentDays === null
      ? 'The latest notice does not say how many days are left.'
      : difference === 0
        ? 'The main balance already equals the partner balance.'
        : null;

  const close = () => {
    sync.reset();
    dialog.close();
  };
  const confirm = () =>
    sync.mutate(partner.noticeId, {
      onSuccess: ({ correction, mainBalance }) => {
        notifications.show({
          color: 'teal',
          message: `Main balance synced: ${signed(correction)} ${unit(correction)}, now ${formatDays(mainBalance.days)} ${unit(mainBalance.days)}.`,
        });
        dialog.close();
      },
    });

  return (
    <Stack gap={6} mt="md">
      <Group>
        <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={dialog.open} disabled={reason !== null}>
          Sync with partner balance
        </Button>
      </Group>
      {reason && (
        <Text size="xs" c="dimmed" data-testid="sync-state">
          {reason}
        </Text>
      )}
      {difference !== null && partner.currentDays !== null && (
        <ConfirmModal
          opened={opened}
          title="Sync with partner balance?"
          confirmLabel={`Record ${signed(difference)} ${unit(difference)}`}
          color="blue"
          loading={sync.isPending}
          onConfirm={confirm}
          onClose={close}
        >
          <Text size="sm">
            One <b>sync</b> entry in the ledger sets the main balance to the partner's figure from the notice of{' '}
            {formatDateTime(partner.receivedAt)}.
          </Text>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="sync-figures">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>Partner balance (WHAPI)</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatDays(partner.currentDays)} {unit(partner.currentDays)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Main balance (ours)</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {formatDays(data.mainBalance.days)} {unit(data.mainBalance.days)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <Table.Td>Correction</Table.Td>
                <Table.Td ta="right" fw={700} c={difference < 0 ? 'orange' : 'teal'} data-testid="sync-correction">
                  {signed(difference)} {unit(difference)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {sync.error && (
            <Alert color="red" variant="light">
              {sync.error.message}
            </Alert>
          )}
        </ConfirmModal>
      )}
    </Stack>
  );
}
