import { SimpleGrid, Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export function AccountPage() {
  return (
    <Stack gap={0} maw={1100}>
      <PageHeader title="Account" description="Manage your profile and sign-in details." />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <ProfileForm />
        <PasswordForm />
      </SimpleGrid>
    </Stack>
  );
}
