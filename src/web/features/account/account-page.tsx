import { SimpleGrid, Stack } from '@mantine/core';
import { useSession } from '../../app/session-context';
import { PageHeader } from '../../components/page-header';
import { PlanStatusCard } from '../../components/plan-status-card';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export function AccountPage() {
  const { user, subscription } = useSession();
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title="Account" description="Manage your profile, your plan and your sign-in details." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <ProfileForm />
        <PasswordForm />
        {/* DOMAIN.md "Days" §3: days remaining shown on the dashboard and the account page. */}
        {user.role !== 'admin' && <PlanStatusCard subscription={subscription} />}
      </SimpleGrid>
    </Stack>
  );
}
