import { Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { LoadError } from '../../components/load-error';
import { usePartnerNotices } from './list-partner-notices';
import { NoNotices, PartnerNoticesTable } from './partner-notices-table';

const count = new Intl.NumberFormat();

interface PartnerNoticesCardProps {
  page: number;
  onPageChange: (page: number) => void;
}

/** Every days notice WHAPI sent, newest first, with the raw body kept for disputes. */
export function PartnerNoticesCard({ page, onPageChange }: PartnerNoticesCardProps) {
  const notices = usePartnerNotices(page);
  const data = notices.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Card component="section" aria-labelledby="partner-notices-title" padding={0}>
      <Stack gap={2} p="md">
        <Title id="partner-notices-title" order={2} fz="lg">
          Partner balance notices
        </Title>
        <Text size="sm" c="dimmed">
          Received from WHAPI's partner days webhook.
        </Text>
      </Stack>
      {notices.isError && !data ? (
        <LoadError
          m="md"
          title="Couldn't load the notices"
          message={notices.error.message}
          retrying={notices.isFetching}
          onRetry={() => void notices.refetch()}
        />
      ) : data && data.items.length === 0 ? (
        <NoNotices />
      ) : (
        <PartnerNoticesTable notices={data?.items} refreshing={notices.isPlaceholderData} />
      )}
      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed">
            {count.format(data.total)} {data.total === 1 ? 'notice' : 'notices'}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={onPageChange} size="sm" aria-label="Notice pages" />}
        </Group>
      )}
    </Card>
  );
}
