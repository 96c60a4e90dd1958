import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { EXPIRING_WITHIN_DAYS, type AdminDashboard, type ExpiringUser } from '../../../contracts/admin-dashboard';
import { AnchorLink } from '../../components/router-links';
import { DaysModal } from '../admin-users/days-modal';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Active users whose service ends within a week, soonest first, each with a quick +Days. */
export function ExpiringUsersCard({ expiring }: { expiring: AdminDashboard['expiring'] }) {
  const [target, setTarget] = useState<ExpiringUser | null>(null);
  return (
    <Card component="section" aria-labelledby="expiring-title" data-testid="expiring-users">
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} fz="lg" id="expiring-title">
          Expiring in the next {EXPIRING_WITHIN_DAYS} days
        </Title>
        {expiring.total > 0 && (
          <AnchorLink to="/admin/users" search={{ status: 'active', sort: 'daysRemaining', order: 'asc' }} size="sm">
            {expiring.total > expiring.items.length ? `See all ${expiring.total}` : 'Open in Users'}
          </AnchorLink>
        )}
      </Group>
      {expiring.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No active user runs out of days this week.
        </Text>
      ) : (
        <Stack gap={0}>
          {expiring.items.map((user) => (
            <Group
              key={user.id}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-testid="expiring-row"
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <AnchorLink to="/admin/users/$userId" params={{ userId: user.id }} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {user.name}
                </AnchorLink>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {user.email} · {user.planName} · ends {dateTime.format(new Date(user.serviceEndsAt))}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color={user.daysRemaining <= 1 ? 'red' : 'orange'} styles={{ label: { overflow: 'visible' } }}>
                  {user.daysRemaining} {user.daysRemaining === 1 ? 'day' : 'days'}
                </Badge>
                <Button size="compact-sm" variant="light" color="teal" leftSection={<IconCalendarPlus size={14} />} onClick={() => setTarget(user)} aria-label={`Add days to ${user.email}`}>
                  +Days
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <DaysModal target={target} direction="add" onClose={() => setTarget(null)} />
    </Card>
  );
}
