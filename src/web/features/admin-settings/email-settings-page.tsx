import { Stack } from '@mantine/core';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useEmailSettings } from './email-settings-query';
import { SettingsCardSkeleton } from '../../components/settings-card';
import { SmtpServerCard } from './smtp-server-card';
import { TestEmailCard } from './test-email-card';

export function EmailSettingsPage() {
  const settings = useEmailSettings();
  const data = settings.data;

  return (
    <Stack gap={0}>
      <PageHeader title="Email" description="How notification emails leave the building: mail server, sender and a test." />
      {data ? (
        <Stack gap="lg">
          <SmtpServerCard settings={data} />
          {/* A new server or sender starts a fresh test card: an old result would describe the previous one. */}
          <TestEmailCard key={`${data.source}|${data.smtpDisplay}|${data.fromAddress}`} settings={data} />
        </Stack>
      ) : settings.isError ? (
        <LoadError
          title="Couldn't load the email settings"
          message={settings.error.message}
          retrying={settings.isFetching}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Stack gap="lg" role="status" aria-label="Loading email settings">
          <SettingsCardSkeleton rows={3} />
          <SettingsCardSkeleton rows={1} />
        </Stack>
      )}
    </Stack>
  );
}
