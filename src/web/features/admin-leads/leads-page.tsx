import { Alert, Anchor, Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { IconFilter, IconInbox } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { Lead } from '../../../contracts/leads';
import { LoadError } from '../../components/load-error';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { LeadDrawer } from './lead-drawer';
import { LeadFilters } from './lead-filters';
import { LeadsTable } from './leads-table';
import { toLeadQuery, type LeadsSearch } from './leads-search';
import { useLeads } from './list-leads';

const route = getRouteApi('/app/admin/leads');
const count = new Intl.NumberFormat();

function LeadsEmpty({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState icon={<IconInbox size={28} />} title="No leads match these filters." description="Try another search or clear the filters." />
  ) : (
    <EmptyState icon={<IconInbox size={28} />} title="No leads yet." description="Quote and demo requests from the pricing pages will appear here." />
  );
}

export function LeadsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const leads = useLeads(toLeadQuery(search));
  const [open, setOpen] = useState<Lead | null>(null);
  const { page, ...filters } = search;
  const filtered = Object.values(filters).some((value) => value !== undefined);

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<LeadsSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });

  const data = leads.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <Stack gap={0}>
      <PageHeader title="Leads" description="Quote and demo requests from the pricing pages. Follow up, then mark each one contacted or closed." />
      {search.id ? (
        <Alert mb="lg" variant="light" icon={<IconFilter size={18} />}>
          Showing the lead from your notification.{' '}
          <Anchor component="button" type="button" onClick={() => setFilters({})}>
            Show all leads
          </Anchor>
        </Alert>
      ) : (
        <LeadFilters filters={filters} onChange={setFilters} />
      )}
      <Card padding={0}>
        {leads.isError && !data ? (
          <LoadError m="md" title="Couldn't load the leads" message={leads.error.message} retrying={leads.isFetching} onRetry={() => void leads.refetch()} />
        ) : data && data.items.length === 0 ? (
          <LeadsEmpty filtered={filtered} />
        ) : (
          <LeadsTable leads={data?.items} refreshing={leads.isPlaceholderData} onOpen={setOpen} />
        )}
      </Card>
      {data && data.total > 0 && (
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="sm" c="dimmed" data-testid="leads-total">
            Showing {count.format(first)}–{count.format(last)} of {count.format(data.total)} {data.total === 1 ? 'lead' : 'leads'}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page ?? 1} onChange={setPage} size="sm" aria-label="Lead pages" />}
        </Group>
      )}
      <LeadDrawer lead={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
