import { Center, Loader, Stack, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { cancelPayPalCheckout } from './paypal-api';

const route = getRouteApi('/app/payments/paypal/cancel');

/** The buyer pressed cancel on PayPal's page: close our pending checkout and go back to pricing. */
export function PayPalCancelPage() {
  const { ref } = route.useSearch();
  const navigate = useNavigate();
  useEffect(() => {
    const back = () => void navigate({ to: '/pricing', search: { paypal: 'cancelled' }, replace: true });
    // Going back to pricing matters more than closing the row: the daily reconcile ignores it either way.
    cancelPayPalCheckout(ref).then(back, back);
  }, [ref, navigate]);
  return (
    <Center py={48}>
      <Stack align="center" gap="sm" role="status">
        <Loader />
        <Text>Returning to pricing…</Text>
      </Stack>
    </Center>
  );
}
