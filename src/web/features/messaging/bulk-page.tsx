import { Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import type { Campaign } from '../../../contracts/messaging';
import { EmptyState } from '../../components/empty-state';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useBulkOptions } from './bulk-options';
import { useCampaignControls } from './campaign-controls';
import { CampaignDrawer } from './campaign-drawer';
import { CampaignForm } from './campaign-form';
import { CampaignsTable } from './campaigns-table';
import { useCampaigns } from './list-campaigns';
import { hasRunningCampaigns } from './message-polling';
import { NoChannelCard } from './no-channel-card';
import { UsageMeter } from './usage-meter';

const CAMPAIGNS_PAGE_SIZE = 10;

function FormSkeleton() {
  return (
    <Card role="status" aria-label="Loading the campaign form">
      <Skeleton height={20} width="30%" mb="lg" />
      <Skeleton height={36} mb="md" />
      <Skeleton height={110} mb="md" />
      <Skeleton height={130} mb="md" />
      <Skeleton height={36} width={140} ml="auto" />
    </Card>
  );
}

/** User → Bulk: one message to a list of numbers, and every campaign's progress with pause, resume and cancel. */
export function BulkPage() {
  const [page, setPage] = useState(1);
  const campaigns = useCampaigns({ page, pageSize: CAMPAIGNS_PAGE_SIZE });
  const options = useBulkOptions({ polling: hasRunningCampaigns(campaigns.data?.items) });
  const controls = useCampaignControls();
  const [viewing, setViewing] = useState<Campaign | null>(null);
  const data = options.data;

  let form;
  if (options.isError && !data) {
    form = <LoadError title="Couldn't load the campaign form" message={options.error.message} retrying={options.isFetching} onRetry={() => void options.refetch()} />;
  } else if (!data) {
    form = <FormSkeleton />;
  } else if (!data.channels.some((channel) => channel.sendable)) {
    form = <NoChannelCard channels={data.channels} />;
  } else {
    form = <CampaignForm channels={data.channels} bulk={data.usage.bulk} />;
  }
  // Without the options there are no figures to show; the error beside them says why.
  const meters = data ? (
    <Stack gap="md">
      <UsageMeter label="Today" figure={data.usage.daily} timeZone={data.usage.timeZone} testId="usage-daily" />
      <UsageMeter label="Bulk this period" figure={data.usage.bulk} timeZone={data.usage.timeZone} testId="usage-bulk" />
      <Text size="xs" c="dimmed" px={4}>
        Every campaign message counts towards both. When today&apos;s limit is reached, a campaign waits and carries on the next
        day.
      </Text>
    </Stack>
  ) : options.isError ? null : (
    <Stack gap="md">
      <Skeleton height={96} radius="md" />
      <Skeleton height={96} radius="md" />
    </Stack>
  );

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title="Bulk" description="Send one message to a list of numbers, paced the way you choose." />
      <Grid gutter="lg" mb="xl">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          {form}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          {meters}
        </Grid.Col>
      </Grid>
      <Title order={2} fz="lg" mb="sm">
        Campaigns
      </Title>
      <Card padding={0}>
        <ListResults
          query={campaigns}
          errorTitle="Couldn't load your campaigns"
          isEmpty={(result) => result.items.length === 0}
          empty={<EmptyState icon={<IconUsersGroup size={28} />} title="No campaigns yet." description="Campaigns you start appear here with their progress." />}
        >
          <CampaignsTable campaigns={campaigns.data?.items} refreshing={campaigns.isPlaceholderData} controls={controls} onView={setViewing} />
        </ListResults>
      </Card>
      <ListPagination data={campaigns.data} page={page} onPageChange={setPage} noun={{ one: 'campaign', many: 'campaigns' }} label="Campaign pages" testId="campaigns-total" />
      <CampaignDrawer campaign={viewing} controls={controls} onClose={() => setViewing(null)} />
      {controls.modal}
    </Stack>
  );
}
