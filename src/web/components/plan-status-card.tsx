import { Badge, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCalendarTime } from '@tabler/icons-react';
import type { MeSubscription } from '../../contracts/auth';
import { ButtonLink } from './router-links';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** The user's service at a glance: no plan yet → the way to Pricing; active → days remaining (DOMAIN.md "Days" §3). */
export function PlanStatusCard({ subscription }: { subscription: MeSubscription | null }) {
  const active = subscription?.state === 'active';
  return (
    <Card data-testid="plan-status">
      <Group gap="sm" mb="xs" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color={active ? 'teal' : 'orange'}>
          <IconCalendarTime size={22} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          {active ? subscription.planName : 'Choose a plan'}
        </Title>
        {active && <Badge variant="light">Active</Badge>}
      </Group>
      {active ? (
        <Stack gap={4}>
          <Text fz={32} fw={700} lh={1.1} data-testid="days-remaining">
            {subscription.daysRemaining} {subscription.daysRemaining === 1 ? 'day' : 'days'} remaining
          </Text>
          {subscription.serviceEndsAt && (
            <Text size="sm" c="dimmed">
              Your service runs until {dateFormat.format(new Date(subscription.serviceEndsAt))}.
            </Text>
          )}
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            {subscription?.state === 'expired'
              ? `Your ${subscription.planName} plan has expired. Renew it to use your channels and messages again.`
              : 'Pick the plan that fits your volume. Once it is active you can link your first WhatsApp number.'}
          </Text>
          <ButtonLink to="/pricing" rightSection={<IconArrowRight size={16} />} w="fit-content">
            See plans and pricing
          </ButtonLink>
        </>
      )}
    </Card>
  );
}
