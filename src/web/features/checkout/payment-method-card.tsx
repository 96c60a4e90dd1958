import { Alert, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrandPaypal, IconBuildingBank, IconClockHour4 } from '@tabler/icons-react';
import { OfflinePaymentForm } from '../payments/offline-payment-form';
import type { PaymentMethod } from './checkout-search';

const METHODS: Record<PaymentMethod, { title: string; button: string; color: string; text: string }> = {
  paypal: {
    title: 'PayPal',
    button: 'Subscribe with PayPal',
    color: 'blue',
    text: 'Subscribe with your PayPal account or card. Each renewal adds another billing period of service automatically.',
  },
  offline: {
    title: 'Offline payment',
    button: 'Offline Payment',
    color: 'grape',
    text: 'Pay by bank transfer, then upload the receipt and its reference. Your plan starts once an admin confirms the payment.',
  },
};

const ICONS = { paypal: IconBrandPaypal, offline: IconBuildingBank } as const;

// PayPal arrives later. Until then its card says so plainly and offers no button that seems to work.
export const PAYMENTS_NOT_AVAILABLE = 'Payments are not available yet — this will be enabled soon.';

export function PaymentMethodCard({ method, isSelected, planId }: { method: PaymentMethod; isSelected: boolean; planId: string }) {
  const { title, button, color, text } = METHODS[method];
  const MethodIcon = ICONS[method];
  const titleId = `pay-${method}-title`;
  return (
    <Card
      component="section"
      aria-labelledby={titleId}
      h="100%"
      style={{
        display: 'flex',
        flexDirection: 'column',
        borderColor: isSelected ? 'var(--mantine-primary-color-filled)' : undefined,
        borderWidth: isSelected ? 2 : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
            <MethodIcon size={22} />
          </ThemeIcon>
          <Title id={titleId} order={2} fz="lg">
            {title}
          </Title>
        </Group>
        {isSelected && <Badge variant="light">Your choice</Badge>}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {text}
      </Text>
      {method === 'offline' ? (
        <Stack gap="sm" mt="auto">
          <OfflinePaymentForm planId={planId} />
        </Stack>
      ) : (
        <Stack gap="sm" mt="auto">
          <Alert color="yellow" variant="light" icon={<IconClockHour4 size={18} />} p="sm">
            <Text size="sm" fw={500}>
              {PAYMENTS_NOT_AVAILABLE}
            </Text>
          </Alert>
          <Button fullWidth disabled leftSection={<MethodIcon size={18} />}>
            {button}
          </Button>
        </Stack>
      )}
    </Card>
  );
}
