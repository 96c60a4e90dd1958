import { Alert, Card, Center, Divider, Grid, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import type { PricingPlan } from '../../../contracts/plans';
import { LIMIT_KEYS } from '../../../domain/plans';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { formatLimit, LIMIT_LABELS, monthlyPrice, periodCharge } from '../pricing/plan-price';
import { PAYMENT_METHODS } from './checkout-search';
import { useCheckoutPlan } from './find-checkout-plan';
import { PaymentMethodCard } from './payment-method-card';

const route = getRouteApi('/app/checkout/$planId');

function BackToPricing() {
  return (
    <AnchorLink to="/pricing" fw={500} size="sm">
      <Group gap={4} wrap="nowrap" component="span">
        <IconArrowLeft size={16} />
        Back to pricing
      </Group>
    </AnchorLink>
  );
}

function PlanSummary({ plan }: { plan: PricingPlan }) {
  return (
    <Card component="section" aria-labelledby="checkout-plan-title" data-testid="checkout-summary">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.06em' }}>
        Your plan
      </Text>
      <Title id="checkout-plan-title" order={2} fz={24} mt={4} style={{ overflowWrap: 'anywhere' }}>
        {plan.name}
      </Title>
      <Group gap={6} align="baseline" mt="md" wrap="nowrap">
        <Text fz={32} fw={800} lh={1.1}>
          {monthlyPrice(plan)}
        </Text>
        <Text c="dimmed">/ month</Text>
      </Group>
      <Stack gap={2} mt="sm">
        <Text fw={600} data-testid="checkout-period-charge">
          You pay {periodCharge(plan)}
        </Text>
        <Text size="sm" c="dimmed">
          Each payment adds {plan.periodDays} days of service.
        </Text>
      </Stack>
      <Divider my="md" />
      <Stack gap={6}>
        {LIMIT_KEYS.map((key) => (
          <Group key={key} justify="space-between" gap="md" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {LIMIT_LABELS[key]}
            </Text>
            <Text size="sm" fw={600}>
              {formatLimit(plan.limits[key])}
            </Text>
          </Group>
        ))}
      </Stack>
      {plan.features.length > 0 && (
        <>
          <Divider my="md" />
          <List size="sm" spacing={4}>
            {plan.features.map((feature, index) => (
              <List.Item key={`${index}-${feature}`}>{feature}</List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

function Unavailable({ title, message }: { title: string; message: string }) {
  return (
    <Center py={48}>
      <Stack align="center" gap="md" maw={480} ta="center">
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} title={title} ta="left">
          {message}
        </Alert>
        <ButtonLink to="/pricing" variant="light" leftSection={<IconArrowLeft size={16} />}>
          Back to pricing
        </ButtonLink>
      </Stack>
    </Center>
  );
}

export function CheckoutPage() {
  const { planId } = route.useParams();
  const { method } = route.useSearch();
  const checkout = useCheckoutPlan(planId);
  const plan = checkout.plan;

  let body;
  if (plan?.requestType === 'paid' && plan.monthlyPriceMinor !== null) {
    body = (
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <PlanSummary plan={plan} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} fz="lg" mb="sm">
            Choose how to pay
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {PAYMENT_METHODS.map((option) => (
              <PaymentMethodCard key={option} method={option} isSelected={option === method} planId={plan.id} />
            ))}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
    );
  } else if (plan) {
    body = (
      <Unavailable
        title={`${plan.name} is available on request`}
        message="This plan has no online checkout. Use its Request Quote or Book Demo button on the pricing page and we will get back to you."
      />
    );
  } else if (checkout.error) {
    body = <LoadError title="Couldn't load this plan" message={checkout.error.message} retrying={checkout.retrying} onRetry={checkout.retry} />;
  } else if (checkout.isLoading) {
    body = (
      <Grid gutter="lg" role="status" aria-label="Loading plan">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Skeleton height={320} radius="lg" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Skeleton height={320} radius="lg" />
        </Grid.Col>
      </Grid>
    );
  } else {
    body = <Unavailable title="This plan is no longer available" message="It may have been withdrawn. Pick another plan on the pricing page." />;
  }

  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title="Checkout" description="Review your plan and choose how to pay." actions={<BackToPricing />} />
      {body}
    </Stack>
  );
}
