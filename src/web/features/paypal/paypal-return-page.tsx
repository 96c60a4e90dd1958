import { Alert, Button, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { PAYMENT_MESSAGES } from '../../../contracts/payments';
import type { PayPalReturnReply } from '../../../contracts/paypal';
import { meQueryOptions } from '../../app/me-query';
import { ButtonLink } from '../../components/router-links';
import { finishPayPalReturn } from './paypal-api';

const route = getRouteApi('/app/payments/paypal/return');

function Outcome({ reply }: { reply: PayPalReturnReply }) {
  if (reply.outcome === 'activated' || reply.outcome === 'renewed' || reply.outcome === 'unchanged') {
    return (
      <Stack align="center" gap="md" ta="center">
        <IconCircleCheck size={48} color="var(--mantine-color-green-6)" aria-hidden />
        <Title order={1} fz="xl">
          {PAYMENT_MESSAGES.approvedTitle}
        </Title>
        <Text c="dimmed">PayPal confirmed your subscription. Each renewal adds another billing period automatically.</Text>
        <ButtonLink to="/dashboard">Go to your dashboard</ButtonLink>
      </Stack>
    );
  }
  const pending = reply.outcome === 'not_active' || reply.outcome === 'error';
  return (
    <Stack gap="md">
      <Alert
        color={pending ? 'yellow' : 'red'}
        variant="light"
        icon={pending ? <IconClockHour4 size={18} /> : <IconAlertTriangle size={18} />}
        title={pending ? 'Waiting for PayPal' : 'Your plan was not activated'}
        role="alert"
      >
        {reply.message ?? 'Something did not match. Nothing was added to your plan.'}
      </Alert>
      <ButtonLink to="/payments" variant="light">
        See your payments
      </ButtonLink>
    </Stack>
  );
}

/** PayPal sends the buyer back here; the server checks the subscription with PayPal before anything is granted. */
export function PayPalReturnPage() {
  const search = route.useSearch();
  const queryClient = useQueryClient();
  const result = useQuery({
    queryKey: ['payments', 'paypal', 'return', search.ref, search.subscription_id],
    queryFn: () => finishPayPalReturn({ ref: search.ref, ...(search.subscription_id ? { subscriptionId: search.subscription_id } : {}) }),
    retry: false,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (result.data) void queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });
  }, [result.data, queryClient]);

  return (
    <Center py={48}>
      <Card maw={520} w="100%" padding="xl">
        {result.data ? (
          <Outcome reply={result.data} />
        ) : result.isError ? (
          <Stack gap="md">
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="We could not confirm your PayPal payment" role="alert">
              {result.error.message}
            </Alert>
            <Button variant="light" onClick={() => void result.refetch()} loading={result.isFetching}>
              Try again
            </Button>
          </Stack>
        ) : (
          <Stack align="center" gap="sm" role="status">
            <Loader />
            <Text>Confirming your subscription with PayPal…</Text>
          </Stack>
        )}
      </Card>
    </Center>
  );
}
