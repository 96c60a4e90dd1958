import { Button, Card, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandPaypal } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { adminPayPalPage, adminPayPalSyncReply } from '../../../contracts/paypal';
import { apiRequest } from '../../app/api-client';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { formatDateTime } from '../../components/partner-balance';
import { PayPalStatusBadge } from '../paypal/paypal-status-badge';

const PAGE_SIZE = 25;
const queryKey = ['admin', 'payments', 'paypal'] as const;

const SYNC_MESSAGES: Record<string, string> = {
  activated: 'PayPal confirmed the payment: the plan is now active.',
  renewed: 'PayPal reported a renewal: its days were added.',
  status_updated: 'The status was brought up to date from PayPal.',
  unchanged: 'Already up to date with PayPal.',
  not_active: 'PayPal has not activated this subscription yet.',
  mismatch: 'PayPal’s subscription does not match the plan: nothing was credited.',
};

/** Admin → Payments → PayPal: every PayPal subscription, with "Check with PayPal" for one at a time. */
export function AdminPayPalSubscriptions() {
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: [...queryKey, page],
    queryFn: ({ signal }) => apiRequest('/api/admin/payments/paypal', adminPayPalPage, { query: { page, pageSize: PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
  const sync = useMutation({
    mutationFn: (id: string) => apiRequest(`/api/admin/payments/paypal/${encodeURIComponent(id)}/sync`, adminPayPalSyncReply, { method: 'POST' }),
    onSuccess: ({ outcome }) => {
      notifications.show({ color: outcome === 'mismatch' ? 'red' : 'teal', message: SYNC_MESSAGES[outcome] ?? outcome });
      void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'PayPal could not be asked', message: error.message }),
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  if (list.isError && !data) {
    return <LoadError title="Couldn't load the PayPal subscriptions" message={list.error.message} retrying={list.isFetching} onRetry={() => void list.refetch()} />;
  }
  if (!data) return <Skeleton height={160} role="status" aria-label="Loading PayPal subscriptions" />;
  if (data.items.length === 0) {
    return (
      <Card padding={0}>
        <EmptyState icon={<IconBrandPaypal size={28} />} title="No PayPal subscriptions yet." description="Subscriptions users start with “Subscribe with PayPal” appear here." />
      </Card>
    );
  }
  return (
    <Stack gap="md">
      <Card padding={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Periods paid</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Last checked</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {item.user.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm">{item.planName}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {item.paypalSubscriptionId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PayPalStatusBadge status={item.paypalStatus} />
                  </Table.Td>
                  <Table.Td>{item.periodsCredited}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>{item.syncedAt ? formatDateTime(item.syncedAt) : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" loading={sync.isPending && sync.variables === item.id} onClick={() => sync.mutate(item.id)}>
                      Check with PayPal
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page} onChange={setPage} />
        </Group>
      )}
    </Stack>
  );
}
