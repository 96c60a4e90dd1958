import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBrandPaypal } from '@tabler/icons-react';
import { useStartPayPalCheckout } from './paypal-api';

/**
 * "Subscribe with PayPal": the server creates the subscription and answers with PayPal's approval page; the
 * browser goes there and comes back to /payments/paypal/return. A refusal shows the server's (or PayPal's) text.
 */
export function PayPalCheckoutButton({ planId }: { planId: string }) {
  const start = useStartPayPalCheckout();
  // Stays "loading" after success too: the page is being replaced by PayPal's.
  const busy = start.isPending || start.isSuccess;
  return (
    <Stack gap="sm">
      {start.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="sm" role="alert">
          <Text size="sm">{start.error.message}</Text>
        </Alert>
      )}
      <Button fullWidth loading={busy} leftSection={<IconBrandPaypal size={18} />} onClick={() => start.mutate(planId)}>
        Subscribe with PayPal
      </Button>
      <Text size="xs" c="dimmed">
        You will approve the subscription on PayPal and come straight back here.
      </Text>
    </Stack>
  );
}
