import type { ReactNode } from 'react';
import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHistory, IconId, IconUserCircle } from '@tabler/icons-react';
import { useSession } from '../../app/session-context';
import { RoleBadge, StatusBadge } from '../../components/account-badges';
import { PageHeader } from '../../components/page-header';
import { ButtonLink } from '../../components/router-links';
import { PlanStatusCard } from '../../components/plan-status-card';

const memberSince = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" py={10} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }} component="div">
        {children}
      </Text>
    </Group>
  );
}

export function DashboardPage() {
  const { user, subscription } = useSession();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;

  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title={`${greeting(new Date().getHours())}, ${firstName}`} description="Here is an overview of your account." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Card data-testid="account-summary">
          <Group gap="sm" mb="md" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="light">
              <IconId size={22} />
            </ThemeIcon>
            <Title order={2} fz="lg">
              Account summary
            </Title>
          </Group>
          <Stack gap={0}>
            <SummaryRow label="Name">{user.name}</SummaryRow>
            <SummaryRow label="Email">{user.email}</SummaryRow>
            <SummaryRow label="Role">
              <RoleBadge role={user.role} />
            </SummaryRow>
            <SummaryRow label="Status">
              <StatusBadge status={user.status} />
            </SummaryRow>
            <SummaryRow label="Member since">{memberSince.format(new Date(user.createdAt))}</SummaryRow>
          </Stack>
        </Card>

        <Stack gap="lg">
          {user.role !== 'admin' && <PlanStatusCard subscription={subscription} />}
          <Card>
            <Group gap="sm" mb="xs" wrap="nowrap">
              <ThemeIcon size={40} radius="md" variant="light" color="blue">
                <IconUserCircle size={22} />
              </ThemeIcon>
              <Title order={2} fz="lg">
                Your profile
              </Title>
            </Group>
            <Text size="sm" c="dimmed" mb="md">
              Keep your name up to date and change your password from the Account page.
            </Text>
            <ButtonLink to="/account" variant="light" rightSection={<IconArrowRight size={16} />} w="fit-content">
              Open account settings
            </ButtonLink>
          </Card>
          {user.role === 'admin' && (
            <Card data-testid="admin-audit-card">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon size={40} radius="md" variant="light" color="grape">
                  <IconHistory size={22} />
                </ThemeIcon>
                <Title order={2} fz="lg">
                  Audit log
                </Title>
              </Group>
              <Text size="sm" c="dimmed" mb="md">
                Review sign-in failures, bans, role changes and every other critical action, with who did it, when
                and from which IP address.
              </Text>
              <ButtonLink to="/admin/audit" variant="light" color="grape" rightSection={<IconArrowRight size={16} />} w="fit-content">
                Open audit log
              </ButtonLink>
            </Card>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
