import { Anchor, Badge, Button, Card, Group, Image, Pagination, Skeleton, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconFileTypePdf, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { PAYMENT_STATUSES, type AdminPayment, type PaymentStatus } from '../../../contracts/payments';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../components/partner-balance';
import { PaymentStatusBadge } from '../payments/payment-status-badge';
import { proofUrl } from '../payments/payments-api';
import { useAdminPayments } from './admin-payments-api';
import { AdminPayPalSubscriptions } from './admin-paypal-subscriptions';
import { DecisionModal } from './decision-modal';

const PAGE_SIZE = 25;
const TAB_LABELS: Record<PaymentStatus, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' };

function ProofPreview({ payment }: { payment: AdminPayment }) {
  if (!payment.proof) return <Text size="sm">—</Text>;
  if (payment.proof.contentType.startsWith('image/')) {
    return (
      <Anchor href={proofUrl(payment.id)} aria-label={`Download proof ${payment.proof.filename}`}>
        <Image src={proofUrl(payment.id, true)} alt={`Proof from ${payment.user.name}`} w={96} h={72} fit="contain" radius="sm" />
      </Anchor>
    );
  }
  return (
    <Anchor href={proofUrl(payment.id)} size="sm">
      <Group gap={4} wrap="nowrap" component="span">
        <IconFileTypePdf size={16} />
        {payment.proof.filename}
      </Group>
    </Anchor>
  );
}

/** Admin → Payments: offline payments by status; a pending one is approved or rejected exactly once. */
export function AdminPaymentsPage() {
  const [tab, setTab] = useState<PaymentStatus | 'paypal'>('pending');
  const status: PaymentStatus = tab === 'paypal' ? 'pending' : tab;
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ payment: AdminPayment; kind: 'approve' | 'reject' } | null>(null);
  const payments = useAdminPayments({ status, page, pageSize: PAGE_SIZE });
  const data = payments.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  let body;
  if (payments.isError && !data) {
    body = <LoadError m="md" title="Couldn't load the payments" message={payments.error.message} retrying={payments.isFetching} onRetry={() => void payments.refetch()} />;
  } else if (!data) {
    body = <Skeleton height={160} m="md" role="status" aria-label="Loading payments" />;
  } else if (data.items.length === 0) {
    body = <EmptyState icon={<IconReceipt size={28} />} title={`No ${status} payments.`} description="Offline payments users submit at checkout appear here." />;
  } else {
    body = (
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Proof</Table.Th>
              <Table.Th>{status === 'pending' ? 'Decision' : 'Outcome'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((payment) => (
              <Table.Tr key={payment.id}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {payment.user.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {payment.user.email}
                  </Text>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{payment.planName}</Table.Td>
                <Table.Td>{formatDateTime(payment.submittedAt)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{payment.reference}</Table.Td>
                <Table.Td>
                  <ProofPreview payment={payment} />
                </Table.Td>
                <Table.Td>
                  {payment.status === 'pending' ? (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" color="green" onClick={() => setDeciding({ payment, kind: 'approve' })}>
                        Approve
                      </Button>
                      <Button size="xs" color="red" variant="light" onClick={() => setDeciding({ payment, kind: 'reject' })}>
                        Reject
                      </Button>
                    </Group>
                  ) : (
                    <Stack gap={4}>
                      <PaymentStatusBadge status={payment.status} />
                      {payment.daysCredited !== null && <Text size="xs">{payment.daysCredited} days credited</Text>}
                      {payment.rejectReason && (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {payment.rejectReason}
                        </Text>
                      )}
                      {payment.reviewedAt && (
                        <Text size="xs" c="dimmed">
                          {formatDateTime(payment.reviewedAt)}
                        </Text>
                      )}
                    </Stack>
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
        description="Offline payments with their proofs — approving credits the user's plan days once — and PayPal subscriptions."
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value === 'paypal' || (value && (PAYMENT_STATUSES as readonly string[]).includes(value))) {
            setTab(value as PaymentStatus | 'paypal');
            setPage(1);
          }
        }}
        mb="md"
      >
        <Tabs.List>
          {PAYMENT_STATUSES.map((tab) => (
            <Tabs.Tab key={tab} value={tab} rightSection={data ? <Badge size="sm" variant="light">{data.counts[tab]}</Badge> : null}>
              {TAB_LABELS[tab]}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="paypal">PayPal</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'paypal' ? <AdminPayPalSubscriptions /> : <Card padding={0}>{body}</Card>}
      {tab !== 'paypal' && pages > 1 && (
        <Group justify="flex-end" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} />
        </Group>
      )}
      {deciding && <DecisionModal payment={deciding.payment} kind={deciding.kind} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
