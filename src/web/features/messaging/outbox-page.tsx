import { Card, Stack } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { EmptyState } from '../../components/empty-state';
import { hasActiveFilters } from '../../components/list-filters';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { PageHeader } from '../../components/page-header';
import { useOutbox } from './list-outbox';
import { OutboxFilters } from './outbox-filters';
import { toOutboxQuery, type OutboxSearch } from './outbox-search';
import { OutboxTable } from './outbox-table';

const route = getRouteApi('/app/outbox');

/** User → Outbox: every message sent from the user's channels, single and bulk, with its delivery times. */
export function OutboxPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const outbox = useOutbox(toOutboxQuery(search));
  const { page, ...filters } = search;
  const filtered = hasActiveFilters(filters);
  const data = outbox.data;

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<OutboxSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });
  const campaignLabel = search.campaignId ? (data?.items.find((item) => item.campaignId === search.campaignId)?.campaignName ?? null) : null;

  return (
    <Stack gap={0}>
      <PageHeader title="Outbox" description="Every message sent from your channels, single and bulk, with when it was sent, delivered and read." />
      <OutboxFilters filters={filters} campaignLabel={campaignLabel} onChange={setFilters} />
      <Card padding={0}>
        <ListResults
          query={outbox}
          errorTitle="Couldn't load the outbox"
          isEmpty={(result) => result.items.length === 0}
          empty={
            filtered ? (
              <EmptyState icon={<IconInbox size={28} />} title="No messages match these filters." description="Try another number or status, or clear the filters." />
            ) : (
              <EmptyState icon={<IconInbox size={28} />} title="No messages yet." description="Messages you send from Send or Bulk appear here." />
            )
          }
        >
          <OutboxTable messages={data?.items} refreshing={outbox.isPlaceholderData} />
        </ListResults>
      </Card>
      <ListPagination data={data} page={page ?? 1} onPageChange={setPage} noun={{ one: 'message', many: 'messages' }} label="Outbox pages" testId="outbox-total" />
    </Stack>
  );
}
