import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBrandPaypal, IconBuildingBank } from '@tabler/icons-react';
import { OfflinePaymentForm } from '../payments/offline-payment-form';
import { PayPalCheckoutButton } from '../paypal/paypal-checkout-button';
import type { PaymentMethod } from './checkout-search';

const METHODS: Record<PaymentMethod, { title: string; color: string; text: string }> = {
  paypal: {
    title: 'PayPal',
    color: 'blue',
    text: 'Subscribe with your PayPal account or card. Each renewal adds another billing period of service automatically.',
  },
  offline: {
    title: 'Offline payment',
    color: 'grape',
    text: 'Pay by bank transfer, then upload the receipt and its reference. Your plan starts once an admin confirms the payment.',
  },
};

const ICONS = { paypal: IconBrandPaypal, offline: IconBuildingBank } as const;

export function PaymentMethodCard({ method, isSelected, planId }: { method: PaymentMethod; isSelected: boolean; planId: string }) {
  const { title, color, text } = METHODS[method];
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
      <Stack gap="sm" mt="auto">
        {method === 'offline' ? <OfflinePaymentForm planId={planId} /> : <PayPalCheckoutButton planId={planId} />}
      </Stack>
    </Card>
  );
}
