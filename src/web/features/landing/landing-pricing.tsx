import { Box, Container, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../app/me-query';
import { LoadError } from '../../components/load-error';
import { usePublicPricing } from '../pricing/list-public-pricing';
import { PricingGrid, PricingGridSkeleton } from '../pricing/pricing-grid';
import classes from './landing.module.css';

/**
 * Public pricing (DOMAIN.md "Pricing and calls to action"): plans published for the landing page. With no such
 * plan the section is left out rather than shown empty; a signed-in person's paid buttons go straight to checkout.
 */
export function LandingPricing() {
  const { data: me } = useQuery(meQueryOptions);
  const pricing = usePublicPricing();
  const plans = pricing.data?.plans;
  if (plans?.length === 0) return null;

  return (
    <Box component="section" id="pricing" aria-labelledby="pricing-title" className={classes.pricing}>
      <Container size="xl" className={classes.section}>
        <Stack gap={6} align="center" ta="center" mb={48}>
          <Text c="teal" fw={700} tt="uppercase" size="sm" style={{ letterSpacing: '0.08em' }}>
            Pricing
          </Text>
          <Title id="pricing-title" order={2} fz={{ base: 28, sm: 36 }}>
            Plans and pricing
          </Title>
          <Text c="dimmed" maw={620}>
            Every plan shows its limits up front. Subscribe with PayPal, pay offline by bank transfer, or talk to us for a
            tailored plan.
          </Text>
        </Stack>
        {plans ? (
          <PricingGrid plans={plans} audience={me ? 'member' : 'visitor'} />
        ) : pricing.isError ? (
          <LoadError
            maw={560}
            mx="auto"
            title="Couldn't load the plans"
            message={pricing.error.message}
            retrying={pricing.isFetching}
            onRetry={() => void pricing.refetch()}
          />
        ) : (
          <PricingGridSkeleton label="Loading plans" />
        )}
      </Container>
    </Box>
  );
}
