import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AdminDashboard } from '../../../contracts/admin-dashboard';
import type { UserStatus } from '../../../contracts/admin-users';
import { AnchorLink } from '../../components/router-links';

const STATUSES: { status: UserStatus; key: keyof Omit<AdminDashboard['users'], 'total'>; label: string; color: string }[] = [
  { status: 'active', key: 'active', label: 'Active', color: 'teal' },
  { status: 'expired', key: 'expired', label: 'Expired', color: 'orange' },
  { status: 'banned', key: 'banned', label: 'Banned', color: 'red' },
  { status: 'no_plan', key: 'noPlan', label: 'No plan', color: 'gray' },
];

const count = new Intl.NumberFormat();

/** Users & Billing summary (spec 004 §7): customers by status, each a link to the filtered Users list. */
export function UsersSummaryCard({ users }: { users: AdminDashboard['users'] }) {
  return (
    <Card component="section" aria-labelledby="users-summary-title" data-testid="users-summary">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg" id="users-summary-title">
          Customers
        </Title>
        <AnchorLink to="/admin/users" size="sm">
          {count.format(users.total)} in total
        </AnchorLink>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {STATUSES.map(({ status, key, label, color }) => (
          <AnchorLink key={status} to="/admin/users" search={{ status }} underline="never" c="inherit" data-testid={`users-${status}`}>
            <Stack
              gap={0}
              p="sm"
              style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
            >
              <Text fz={26} fw={800} c={color} lh={1.2}>
                {count.format(users[key])}
              </Text>
              <Text size="sm" c="dimmed">
                {label}
              </Text>
            </Stack>
          </AnchorLink>
        ))}
      </SimpleGrid>
    </Card>
  );
}
