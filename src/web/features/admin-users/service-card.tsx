import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import type { AdminUserDetails } from '../../../contracts/admin-users';
import { SectionCard } from './section-card';
import { SummaryRow } from './summary-row';
import { daysLabel, formatCount, formatDate, formatDateTime, formatLimitValue } from './user-labels';

const METHOD_LABELS = { paypal: 'PayPal', offline: 'Offline payment', admin: 'Admin' } as const;

/** The service clock at a glance: days remaining (DOMAIN.md "Days" §3), the clock's end and how it was paid. */
export function ServiceCard({ details }: { details: AdminUserDetails }) {
  const { user, subscription } = details;
  return (
    <SectionCard id="service-title" icon={<IconCalendarTime size={20} />} title="Service" testId="service-card">
      <Stack gap={0}>
        <Group gap="xs" align="baseline" mb="sm">
          <Text fz={34} fw={800} lh={1} data-testid="details-days-remaining">
            {formatCount(user.daysRemaining)}
          </Text>
          <Text c="dimmed">{user.daysRemaining === 1 ? 'day remaining' : 'days remaining'}</Text>
        </Group>
        <SummaryRow label="Service ends">{user.serviceEndsAt ? formatDateTime(user.serviceEndsAt) : '—'}</SummaryRow>
        <SummaryRow label="Days credited in total">{subscription ? daysLabel(subscription.daysTotal) : '—'}</SummaryRow>
        <SummaryRow label="Subscription">
          {subscription ? (
            <Badge variant="light" color={subscription.status === 'active' ? 'teal' : 'gray'}>
              {subscription.status}
            </Badge>
          ) : (
            'None'
          )}
        </SummaryRow>
        <SummaryRow label="Payment method">{subscription?.paymentMethod ? METHOD_LABELS[subscription.paymentMethod] : '—'}</SummaryRow>
        <SummaryRow label="Channels used">
          {formatCount(user.channelsUsed)} of {formatLimitValue(user.channelsAllowed)}
        </SummaryRow>
        <SummaryRow label="Member since">{formatDate(user.createdAt)}</SummaryRow>
      </Stack>
    </SectionCard>
  );
}
