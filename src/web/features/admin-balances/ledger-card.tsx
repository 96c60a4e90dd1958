import { Button, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconReceipt } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { toLedgerFilters, toLedgerQuery, type BalancesSearch, type LedgerSearch } from './balances-search';
import { LedgerFilters } from './ledger-filters';
import { LedgerTable } from './ledger-table';
import { ledgerCsvUrl, useLedger } from './list-ledger';

const count = new Intl.NumberFormat();

interface LedgerCardProps {
  search: BalancesSearch;
  onFiltersChange: (next: LedgerSearch) => void;
  onPageChange: (page: number) => void;
}

/** Every ledger row (DOMAIN.md "Ledger"), newest first, filtered in the URL and exported with the same filters. */
export function LedgerCard({ search, onFiltersChange, onPageChange }: LedgerCardProps) {
  const ledger = useLedger(toLedgerQuery(search));
  const filters: LedgerSearch = { txType: search.txType, txUser: search.txUser, txFrom: search.txFrom, txTo: search.txTo };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const data = ledger.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const first = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <Card component="section" aria-labelledby="ledger-title" padding={0} mb="lg">
      <Stack gap="md" p="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title id="ledger-title" order={2} fz="lg">
              Transactions
            </Title>
            <Text size="sm" c="dimmed">
              The days ledger: every change to the main balance and to users' service days. Rows are never edited.
            </Text>
          </Stack>
          <Button
            component="a"
            href={ledgerCsvUrl(toLedgerFilters(filters))}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        </Group>
        <LedgerFilters filters={filters} onChange={onFiltersChange} />
      </Stack>
      {ledger.isError && !data ? (
        <LoadError
          m="md"
          title="Couldn't load the transactions"
          message={ledger.error.message}
          retrying={ledger.isFetching}
          onRetry={() => void ledger.refetch()}
        />
      ) : data && data.items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<IconReceipt size={28} />} title="No transactions match these filters." description="Try a wider date range or clear the filters." />
        ) : (
          <EmptyState icon={<IconReceipt size={28} />} title="No transactions yet." description="Top up the main balance to record the first one." />
        )
      ) : (
        <LedgerTable rows={data?.items} refreshing={ledger.isPlaceholderData} />
      )}
      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed" data-testid="ledger-total">
            Showing {count.format(first)}–{count.format(last)} of {count.format(data.total)} {data.total === 1 ? 'transaction' : 'transactions'}
          </Text>
          {pages > 1 && <Pagination total={pages} value={data.page} onChange={onPageChange} size="sm" aria-label="Transaction pages" />}
        </Group>
      )}
    </Card>
  );
}
