import { Button, Card, Group, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconBrandPaypal } from '@tabler/icons-react';
import { useState } from 'react';
import type { PayPalSubscriptionView } from '../../../contracts/paypal';
import { isApiError } from '../../app/api-client';
import { formatDateTime } from '../../components/partner-balance';
import { useCancelPayPalSubscription, usePayPalSubscriptions } from './paypal-api';
import { PayPalStatusBadge } from './paypal-status-badge';

function CancelRenewals({ subscription, onClose }: { subscription: PayPalSubscriptionView; onClose: () => void }) {
  const cancel = useCancelPayPalSubscription();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title="Cancel PayPal renewals" centered>
      <Stack gap="sm">
        <Text size="sm">
          PayPal will stop charging you for {subscription.planName}. The days you have already paid for stay on your plan.
        </Text>
        <Textarea
          label="Reason"
          description="PayPal keeps this with the subscription."
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={128}
          error={isApiError(cancel.error) ? cancel.error.fields.reason : undefined}
          autosize
          minRows={2}
        />
        {cancel.isError && (
          <Text size="sm" c="red" role="alert">
            {cancel.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep subscription
          </Button>
          <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ id: subscription.id, reason }, { onSuccess: onClose })}>
            Cancel renewals
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The user's PayPal subscriptions on the Payments page; shown only when there is at least one. */
export function PayPalSubscriptionsCard() {
  const subscriptions = usePayPalSubscriptions();
  const [cancelling, setCancelling] = useState<PayPalSubscriptionView | null>(null);
  const items = subscriptions.data?.subscriptions ?? [];
  if (items.length === 0) return null;
  return (
    <Card padding={0} mb="lg" component="section" aria-labelledby="paypal-subscriptions-title">
      <Group gap="xs" p="md" pb="xs">
        <IconBrandPaypal size={20} aria-hidden />
        <Title id="paypal-subscriptions-title" order={2} fz="md">
          PayPal subscriptions
        </Title>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Periods paid</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
                <Table.Tr key={item.id} data-testid="paypal-subscription">
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500}>
                      {item.planName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.paypalSubscriptionId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PayPalStatusBadge status={item.paypalStatus} />
                  </Table.Td>
                  <Table.Td>{item.periodsCredited}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    {(item.paypalStatus === 'ACTIVE' || item.paypalStatus === 'SUSPENDED') && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(item)}>
                        Cancel renewals
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {cancelling && <CancelRenewals subscription={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}
