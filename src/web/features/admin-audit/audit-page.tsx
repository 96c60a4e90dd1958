import { Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LoadError } from '../../components/load-error';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { AuditFilters } from './audit-filters';
import { toAuditQuery, type AuditSearch } from './audit-search';
import { AuditTable } from './audit-table';
import { useAuditLog } from './list-audit';

const route = getRouteApi('/app/admin/audit');
const count = new Intl.NumberFormat();

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
  const filtered = Object.values(filters).some((value) => value !== undefined);

  // Any filter change starts again from the first page.
  const setFilters = (next: Omit<AuditSearch, 'page'>) => void navigate({ search: next, replace: true });
  const setPage = (next: number) => void navigate({ search: { ...search, page: next > 1 ? next : undefined } });

  const data = audit.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <Stack gap={0}>
      <PageHeader title="Audit log" description="Every critical action, who did it, when and from where. Entries can't be edited or deleted." />
      <AuditFilters filters={filters} onChange={setFilters} />
      <Card padding={0}>
        {audit.isError && !data ? (
          <LoadError
            m="md"
            title="Couldn't load the audit log"
            message={audit.error.message}
            retrying={audit.isFetching}
            onRetry={() => void audit.refetch()}
          />
        ) : data && data.items.length === 0 ? (
          <AuditEmpty filtered={filtered} />
        ) : (
          <AuditTable entries={data?.items} refreshing={audit.isPlaceholderData} />
        )}
      </Card>
      {data && data.total > 0 && (
        <Group justify="space-between" mt="md" gap="sm">
          <Text size="sm" c="dimmed" data-testid="audit-total">
            Showing {count.format(first)}–{count.format(last)} of {count.format(data.total)} {data.total === 1 ? 'entry' : 'entries'}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page ?? 1} onChange={setPage} size="sm" aria-label="Audit log pages" />}
        </Group>
      )}
    </Stack>
  );
}
