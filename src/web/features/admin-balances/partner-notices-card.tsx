import { Card, Stack, Text, Title } from '@mantine/core';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { usePartnerNotices } from './list-partner-notices';
import { NoNotices, PartnerNoticesTable } from './partner-notices-table';

interface PartnerNoticesCardProps {
  page: number;
  onPageChange: (page: number) => void;
}

/** Every days notice WHAPI sent, newest first, with the raw body kept for disputes. */
export function PartnerNoticesCard({ page, onPageChange }: PartnerNoticesCardProps) {
  const notices = usePartnerNotices(page);
  const data = notices.data;

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
      <ListResults query={notices} errorTitle="Couldn't load the notices" isEmpty={(result) => result.items.length === 0} empty={<NoNotices />}>
        <PartnerNoticesTable notices={data?.items} refreshing={notices.isPlaceholderData} />
      </ListResults>
      <ListPagination
        data={data}
        page={page}
        onPageChange={onPageChange}
        noun={{ one: 'notice', many: 'notices' }}
        label="Notice pages"
        summary="count"
        placement="inside"
      />
    </Card>
  );
}
