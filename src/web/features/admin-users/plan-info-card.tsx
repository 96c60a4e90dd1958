import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import type { AdminUserDetails } from '../../../contracts/admin-users';
import { USER_PAGES } from '../../../domain/pages';
import { LIMIT_KEYS } from '../../../domain/plans';
import { AnchorLink } from '../../components/router-links';
import { BILLING_PERIOD_LABELS, LIMIT_LABELS } from '../pricing/plan-price';
import { SectionCard } from './section-card';
import { formatLimitValue, REQUEST_TYPE_COLORS, REQUEST_TYPE_SHORT, USER_PAGE_LABELS } from './user-labels';

/** The plan as its template says, read-only: overrides never change it (spec 004 §3). */
export function PlanInfoCard({ plan }: { plan: AdminUserDetails['plan'] }) {
  return (
    <SectionCard
      id="plan-info-title"
      icon={<IconPackage size={20} />}
      color="blue"
      title="Plan"
      description="Read-only: the plan's own limits and pages."
      testId="plan-info"
    >
      {!plan ? (
        <Text size="sm" c="dimmed">
          No plan yet. The user has not subscribed, or their payment is still waiting for approval.
        </Text>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <AnchorLink to="/admin/plans/$planId" params={{ planId: plan.id }} fw={700}>
              {plan.name}
            </AnchorLink>
            <Badge size="sm" variant="light" color={REQUEST_TYPE_COLORS[plan.requestType]}>
              {REQUEST_TYPE_SHORT[plan.requestType]}
            </Badge>
            <Badge size="sm" variant="outline" color="gray">
              {BILLING_PERIOD_LABELS[plan.billingPeriod]}
            </Badge>
            {plan.status !== 'published' && (
              <Badge size="sm" variant="light" color="orange">
                {plan.status}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            {LIMIT_KEYS.map((key) => (
              <Stack key={key} gap={0}>
                <Text size="xs" c="dimmed">
                  {LIMIT_LABELS[key]}
                </Text>
                <Text size="sm" fw={600}>
                  {formatLimitValue(plan.limits[key])}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Group gap={6}>
            {USER_PAGES.map((page) => (
              <Badge key={page} size="sm" variant={plan.pageAccess[page] ? 'light' : 'outline'} color={plan.pageAccess[page] ? 'teal' : 'gray'} tt="none">
                {USER_PAGE_LABELS[page]}
                {plan.pageAccess[page] ? '' : ' · off'}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </SectionCard>
  );
}
