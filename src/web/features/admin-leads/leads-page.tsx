import { Alert, Anchor, Card, Stack } from '@mantine/core';
import { IconFilter, IconInbox } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import type { Lead } from '../../../contracts/leads';
import { EmptyState } from '../../components/empty-state';
import { hasActiveFilters } from '../../components/list-filters';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { PageHeader } from '../../components/page-header';
import { LeadDrawer } from './lead-drawer';
import { LeadFilters } from './lead-filters';
import { LeadsTable } from './leads-table';
import { toLeadQuery, type LeadsSearch } from './leads-search';
import { useLeads } from './list-leads';

const route = getRouteApi('/app/admin/leads');

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
  const filtered = hasActiveFilters(filters);

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<LeadsSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });

  const data = leads.data;

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
        <ListResults query={leads} errorTitle="Couldn't load the leads" isEmpty={(result) => result.items.length === 0} empty={<LeadsEmpty filtered={filtered} />}>
          <LeadsTable leads={data?.items} refreshing={leads.isPlaceholderData} onOpen={setOpen} />
        </ListResults>
      </Card>
      <ListPagination data={data} page={page ?? 1} onPageChange={setPage} noun={{ one: 'lead', many: 'leads' }} label="Lead pages" testId="leads-total" />
      <LeadDrawer lead={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
