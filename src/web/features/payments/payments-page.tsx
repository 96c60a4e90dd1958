import { Anchor, Card, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../components/partner-balance';
import { ButtonLink } from '../../components/router-links';
import { PayPalSubscriptionsCard } from '../paypal/paypal-subscriptions-card';
import { PaymentStatusBadge } from './payment-status-badge';
import { proofUrl, useOwnPayments } from './payments-api';

/** The person's own payments: what they sent, and what an admin decided. */
export function PaymentsPage() {
  const payments = useOwnPayments();
  const items = payments.data?.payments;

  let body;
  if (payments.isError && !items) {
    body = <LoadError m="md" title="Couldn't load your payments" message={payments.error.message} retrying={payments.isFetching} onRetry={() => void payments.refetch()} />;
  } else if (!items) {
    body = <Skeleton height={160} m="md" role="status" aria-label="Loading payments" />;
  } else if (items.length === 0) {
    body = <EmptyState icon={<IconReceipt size={28} />} title="No offline payments yet." description="Pay by bank transfer from a plan's checkout; your submissions and their review appear here." />;
  } else {
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Reviewed</Table.Th>
              <Table.Th>Proof</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((payment) => (
              <Table.Tr key={payment.id}>
                <Table.Td>{formatDateTime(payment.submittedAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{payment.planName}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{payment.reference}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <PaymentStatusBadge status={payment.status} />
                    {payment.status === 'approved' && payment.daysCredited !== null && (
                      <Text size="xs" c="dimmed">
                        {payment.daysCredited} days added
                      </Text>
                    )}
                    {payment.rejectReason && (
                      <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                        {payment.rejectReason}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{payment.reviewedAt ? formatDateTime(payment.reviewedAt) : '—'}</Table.Td>
                <Table.Td>
                  {payment.proof ? (
                    <Anchor href={proofUrl(payment.id)} size="sm">
                      {payment.proof.filename}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap={0}>
      <PageHeader
        title="Payments"
        description="Your PayPal subscriptions, your offline payments and their review status."
        actions={
          <ButtonLink to="/pricing" variant="light">
            Choose a plan
          </ButtonLink>
        }
      />
      <PayPalSubscriptionsCard />
      <Card padding={0}>{body}</Card>
    </Stack>
  );
}
