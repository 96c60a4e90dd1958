import { Alert, List, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarShare } from '@tabler/icons-react';
import type { PlatformSettings } from '../../../contracts/settings';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../components/partner-balance';
import { usePlatformSettings } from './platform-settings-query';
import { SettingsCard, SettingsCardSkeleton } from '../../components/settings-card';
import { useUpdatePlatformSettings } from './update-platform-settings';

// DOMAIN.md "Auto-allocation", in the admin's words.
function AutoAllocationCard({ settings }: { settings: PlatformSettings }) {
  const update = useUpdatePlatformSettings();
  const toggle = (autoAllocate: boolean) =>
    update.mutate(
      { autoAllocate },
      {
        onSuccess: (saved) =>
          notifications.show({ color: saved.autoAllocate ? 'teal' : 'gray', message: `Auto-allocation is ${saved.autoAllocate ? 'on' : 'off'}.` }),
      },
    );

  return (
    <SettingsCard
      descriptionPlacement="below"
      id="auto-allocation-title"
      icon={<IconCalendarShare size={22} />}
      title="Auto-allocation"
      description="Whether channel days follow the days a user has paid for, without you allocating them by hand."
    >
      <Stack gap="md">
        <Switch
          size="md"
          label="Allocate channel days automatically"
          description={`Last changed ${formatDateTime(settings.updatedAt)}.`}
          checked={update.isPending ? (update.variables?.autoAllocate ?? settings.autoAllocate) : settings.autoAllocate}
          disabled={update.isPending}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />
        {update.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {update.error.message}
          </Alert>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            When it is on
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              After a plan is activated or renewed, and when an active user adds a channel, each of that user's channels that
              expires before their service ends is extended.
            </List.Item>
            <List.Item>
              Each extension is the plan's billing period or the user's remaining whole days, whichever is smaller — so channel
              time follows paid time and no partner days are wasted.
            </List.Item>
            <List.Item>The days come from your main balance, like an extension you make yourself.</List.Item>
          </List>
          <Text size="sm" fw={600} mt="xs">
            When it is off
          </Text>
          <Text size="sm">You give channels their days by hand with “Activate (N days)” or “Extend Days” in Admin → Channels.</Text>
        </Stack>
      </Stack>
    </SettingsCard>
  );
}

export function PlatformSettingsPage() {
  const settings = usePlatformSettings();
  const data = settings.data;

  return (
    <Stack gap={0}>
      <PageHeader title="Platform" description="Switches that change how the platform behaves for every user." />
      {data ? (
        <AutoAllocationCard settings={data} />
      ) : settings.isError ? (
        <LoadError
          title="Couldn't load the platform settings"
          message={settings.error.message}
          retrying={settings.isFetching}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Stack role="status" aria-label="Loading platform settings">
          <SettingsCardSkeleton rows={2} />
        </Stack>
      )}
    </Stack>
  );
}
