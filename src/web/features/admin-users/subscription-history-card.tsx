import { Badge, Skeleton, Table, Text } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { LoadError } from '../../components/load-error';
import { useUserSubscriptions } from './admin-users-api';
import { SectionCard } from './section-card';
import { daysLabel, formatDate, formatDateTime } from './user-labels';

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
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="xs" aria-label="Subscription history" aria-busy={!list}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Plan</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Method</Table.Th>
                <Table.Th>Service end</Table.Th>
                <Table.Th>Days credited</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list
                ? list.map((sub) => (
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
                  ))
                : Array.from({ length: 2 }, (_, i) => (
                    <Table.Tr key={i}>
                      {[0, 1, 2, 3, 4, 5].map((cell) => (
                        <Table.Td key={cell}>
                          <Skeleton height={12} width="70%" />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
