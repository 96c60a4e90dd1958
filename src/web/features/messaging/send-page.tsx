import { Card, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { NoChannelCard } from './no-channel-card';
import { RecentMessagesCard } from './recent-messages-card';
import { SendForm } from './send-form';
import { useSendOptions } from './send-options';
import { UsageMeter } from './usage-meter';

const DESCRIPTION = 'Send a WhatsApp message from one of your linked numbers.';

function FormSkeleton() {
  return (
    <Card role="status" aria-label="Loading the send form">
      <Skeleton height={20} width="30%" mb="lg" />
      <Skeleton height={36} mb="md" />
      <Skeleton height={36} mb="md" />
      <Skeleton height={110} mb="md" />
      <Skeleton height={36} width={100} ml="auto" />
    </Card>
  );
}

/** User → Send: one WhatsApp message from one of the user's linked channels, and how the latest ones fared. */
export function SendPage() {
  const options = useSendOptions();
  const data = options.data;

  // Nothing to show without the options (no channels, no figures, no recent messages): only why, and Retry.
  if (options.isError && !data) {
    return (
      <Stack gap={0} maw={1200}>
        <PageHeader title="Send" description={DESCRIPTION} />
        <LoadError title="Couldn't load the send form" message={options.error.message} retrying={options.isFetching} onRetry={() => void options.refetch()} />
      </Stack>
    );
  }

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title="Send" description={DESCRIPTION} />
      <Grid gutter="lg" mb="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {!data ? (
            <FormSkeleton />
          ) : data.channels.some((channel) => channel.sendable) ? (
            <SendForm channels={data.channels} daily={data.usage.daily} />
          ) : (
            <NoChannelCard channels={data.channels} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {data ? (
              <UsageMeter label="Today" figure={data.usage.daily} timeZone={data.usage.timeZone} testId="usage-daily" />
            ) : (
              <Skeleton height={96} radius="md" />
            )}
            <Text size="xs" c="dimmed" px={4}>
              Each message is queued first and sent within seconds. Its status moves from queued to sent, delivered and read as
              WhatsApp reports it.
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
      <RecentMessagesCard messages={data?.recent} />
    </Stack>
  );
}
