import { Box, Card, Flex, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import type { LeadKind } from '../../../contracts/leads';
import type { PricingPlan } from '../../../contracts/plans';
import { LeadFormModal } from '../leads/lead-form-modal';
import { PricingCard, type PricingAudience } from './pricing-card';

// Cards keep a readable width and stay centred, so one or two plans don't stretch across the page.
const CARD_FLEX = { flex: '1 1 270px', maxWidth: 360, minWidth: 0 } as const;

interface LeadRequest {
  kind: LeadKind;
  plan: { id: string; name: string };
}

/** The plans in sort order, with one quote/demo form shared by every card. */
export function PricingGrid({ plans, audience }: { plans: PricingPlan[]; audience: Exclude<PricingAudience, 'preview'> }) {
  const [opened, setOpened] = useState(false);
  // Kept after closing so the modal doesn't change its wording while it animates out.
  const [request, setRequest] = useState<LeadRequest | null>(null);

  return (
    <>
      <Flex gap="lg" wrap="wrap" justify="center" align="stretch" data-testid="pricing-plans">
        {plans.map((plan) => (
          <Box key={plan.id} style={CARD_FLEX}>
            <PricingCard
              plan={plan}
              audience={audience}
              onRequest={(kind) => {
                setRequest({ kind, plan: { id: plan.id, name: plan.name } });
                setOpened(true);
              }}
            />
          </Box>
        ))}
      </Flex>
      <LeadFormModal opened={opened} onClose={() => setOpened(false)} kind={request?.kind ?? 'quote'} plan={request?.plan ?? null} />
    </>
  );
}

export function PricingGridSkeleton({ label }: { label: string }) {
  return (
    <Flex gap="lg" wrap="wrap" justify="center" role="status" aria-label={label}>
      {[0, 1, 2].map((card) => (
        <Card key={card} padding="xl" style={CARD_FLEX} w="100%">
          <Stack gap="md">
            <Skeleton height={22} width="50%" radius="sm" />
            <Skeleton height={38} width="70%" radius="sm" />
            <Skeleton height={12} width="80%" radius="sm" />
            {[0, 1, 2, 3, 4].map((row) => (
              <Skeleton key={row} height={12} radius="sm" width={`${85 - row * 8}%`} />
            ))}
            <Skeleton height={36} radius="md" mt="md" />
            <Skeleton height={36} radius="md" />
          </Stack>
        </Card>
      ))}
    </Flex>
  );
}
