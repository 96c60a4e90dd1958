import { Alert, Group, List, Select, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendarShare, IconClockHour4 } from '@tabler/icons-react';
import { useMemo } from 'react';
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

/** Every zone this browser knows, plus the saved one (an older browser may lack a newer zone). */
function zoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...zones])];
}

// DOMAIN.md "Messaging": `daily` counts per calendar day in the platform time zone.
function TimeZoneCard({ settings }: { settings: PlatformSettings }) {
  const update = useUpdatePlatformSettings();
  const zones = useMemo(() => zoneOptions(settings.timeZone), [settings.timeZone]);
  const save = (timeZone: string | null) => {
    if (!timeZone || timeZone === settings.timeZone) return;
    update.mutate({ timeZone }, { onSuccess: (saved) => notifications.show({ color: 'teal', message: `Time zone set to ${saved.timeZone}.` }) });
  };
  return (
    <SettingsCard
      descriptionPlacement="below"
      id="time-zone-title"
      icon={<IconClockHour4 size={22} />}
      title="Calendar time zone"
      description="Users' daily message limits reset at midnight in this time zone."
    >
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Time zone"
            data={zones}
            value={update.isPending ? (update.variables?.timeZone ?? settings.timeZone) : settings.timeZone}
            onChange={save}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone matches"
            disabled={update.isPending}
            w={{ base: '100%', xs: 320 }}
          />
        </Group>
        {update.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {update.error.message}
          </Alert>
        )}
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
        <Stack gap="lg">
          <AutoAllocationCard settings={data} />
          <TimeZoneCard settings={data} />
        </Stack>
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
