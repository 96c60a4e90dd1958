import { Stack } from '@mantine/core';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { SettingsCardSkeleton } from '../../components/settings-card';
import { ProjectCard } from './project-card';
import { TokenCard } from './token-card';
import { WebhooksCard } from './webhooks-card';
import { useWhapiSettings } from './whapi-settings-query';

export function WhapiSettingsPage() {
  const settings = useWhapiSettings();
  const data = settings.data;

  return (
    <Stack gap={0} maw={880}>
      <PageHeader title="WHAPI Integration" description="Connect your WHAPI partner account: token, project, partner name and webhooks." />
      {data ? (
        <Stack gap="lg">
          <TokenCard settings={data} />
          <ProjectCard settings={data} />
          <WebhooksCard settings={data} />
        </Stack>
      ) : settings.isError ? (
        <LoadError
          title="Couldn't load the WHAPI settings"
          message={settings.error.message}
          retrying={settings.isFetching}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Stack gap="lg" role="status" aria-label="Loading WHAPI settings">
          <SettingsCardSkeleton rows={2} />
          <SettingsCardSkeleton rows={2} />
          <SettingsCardSkeleton rows={3} />
        </Stack>
      )}
    </Stack>
  );
}
