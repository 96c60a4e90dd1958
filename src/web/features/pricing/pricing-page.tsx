import { Alert, Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInfoCircle, IconTags } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { usePricing } from './list-pricing';
import { PricingGrid, PricingGridSkeleton } from './pricing-grid';

function NoPlans() {
  return (
    <Center py={56}>
      <Stack align="center" gap="xs" ta="center" maw={420}>
        <ThemeIcon size={52} radius="xl" variant="light" color="gray">
          <IconTags size={28} />
        </ThemeIcon>
        <Text fw={600}>No plans are available right now.</Text>
        <Text size="sm" c="dimmed">
          New plans will be listed here as soon as they are published. Please check back soon.
        </Text>
      </Stack>
    </Center>
  );
}

const route = getRouteApi('/app/pricing');

export function PricingPage() {
  const pricing = usePricing();
  const plans = pricing.data?.plans;
  const { paypal } = route.useSearch();

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title="Pricing" description="Choose the plan that fits your business. Every plan states its limits up front." />
      {paypal === 'cancelled' && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} mb="lg" role="status">
          You left PayPal without subscribing. Nothing was charged — choose a plan whenever you are ready.
        </Alert>
      )}
      {plans ? (
        plans.length > 0 ? (
          <PricingGrid plans={plans} audience="member" />
        ) : (
          <NoPlans />
        )
      ) : pricing.isError ? (
        <LoadError title="Couldn't load the plans" message={pricing.error.message} retrying={pricing.isFetching} onRetry={() => void pricing.refetch()} />
      ) : (
        <PricingGridSkeleton label="Loading plans" />
      )}
    </Stack>
  );
}
