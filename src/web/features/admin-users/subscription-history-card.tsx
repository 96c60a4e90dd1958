import { Badge, Table, Text } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { CompactTable } from '../../components/compact-table';
import { LoadError } from '../../components/load-error';
import { useUserSubscriptions } from './admin-users-api';
import { SectionCard } from './section-card';
import { daysLabel, formatDate, formatDateTime } from './user-labels';

const COLUMNS = ['Plan', 'Status', 'Method', 'Service end', 'Days credited', 'Created'] as const;
const METHOD_LABELS = { paypal: 'PayPal', offline: 'Offline', admin: 'Admin' } as const;
const STATUS_COLORS = { pending: 'gray', active: 'teal', expired: 'orange', canceled: 'red' } as const;

/** Every subscription row of the user, the current one first (history is kept, DOMAIN.md "Subscriptions"). */
export function SubscriptionHistoryCard({ userId }: { userId: string }) {
  const subs = useUserSubscriptions(userId);
  const list = subs.data?.subscriptions;
  return (
    <SectionCard id="subscriptions-title" icon={<IconReceipt2 size={20} />} color="indigo" title="Subscription history" testId="subscription-history">
      {subs.isError ? (
        <LoadError title="Couldn't load the subscriptions" message={subs.error.message} retrying={subs.isFetching} onRetry={() => void subs.refetch()} />
      ) : list && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No subscription yet.
        </Text>
      ) : (
        <CompactTable
          label="Subscription history"
          columns={COLUMNS}
          items={list}
          minWidth={620}
          renderRow={(sub) => (
            <Table.Tr key={sub.id}>
              <Table.Td>
                <Text size="sm" fw={sub.isCurrent ? 600 : 400}>
                  {sub.plan?.name ?? 'No plan (overrides only)'}
                </Text>
                {sub.isCurrent && (
                  <Badge size="xs" variant="outline" mt={2}>
                    Current
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={STATUS_COLORS[sub.status]}>
                  {sub.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{sub.paymentMethod ? METHOD_LABELS[sub.paymentMethod] : '—'}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{sub.serviceEndsAt ? formatDateTime(sub.serviceEndsAt) : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{daysLabel(sub.daysTotal)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(sub.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
    </SectionCard>
  );
}
