import { Card, Stack } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { EmptyState } from '../../components/empty-state';
import { hasActiveFilters } from '../../components/list-filters';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { PageHeader } from '../../components/page-header';
import { AuditFilters } from './audit-filters';
import { toAuditQuery, type AuditSearch } from './audit-search';
import { AuditTable } from './audit-table';
import { useAuditLog } from './list-audit';

const route = getRouteApi('/app/admin/audit');

function AuditEmpty({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <EmptyState icon={<IconListSearch size={28} />} title="No audit entries match these filters." description="Try a wider date range or clear some filters." />
  ) : (
    <EmptyState icon={<IconListSearch size={28} />} title="No audit entries yet." description="Critical actions will be listed here as they happen." />
  );
}

export function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = toAuditQuery(search);
  const audit = useAuditLog(query);
  const { page, ...filters } = search;
  const filtered = hasActiveFilters(filters);

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<AuditSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });

  const data = audit.data;

  return (
    <Stack gap={0}>
      <PageHeader title="Audit log" description="Every critical action, who did it, when and from where. Entries can't be edited or deleted." />
      <AuditFilters filters={filters} onChange={setFilters} />
      <Card padding={0}>
        <ListResults query={audit} errorTitle="Couldn't load the audit log" isEmpty={(result) => result.items.length === 0} empty={<AuditEmpty filtered={filtered} />}>
          <AuditTable entries={data?.items} refreshing={audit.isPlaceholderData} />
        </ListResults>
      </Card>
      <ListPagination data={data} page={page ?? 1} onPageChange={setPage} noun={{ one: 'entry', many: 'entries' }} label="Audit log pages" testId="audit-total" />
    </Stack>
  );
}
