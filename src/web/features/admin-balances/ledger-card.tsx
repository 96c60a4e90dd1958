import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconReceipt } from '@tabler/icons-react';
import { EmptyState } from '../../components/empty-state';
import { hasActiveFilters } from '../../components/list-filters';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { toLedgerFilters, toLedgerQuery, type BalancesSearch, type LedgerSearch } from './balances-search';
import { LedgerFilters } from './ledger-filters';
import { LedgerTable } from './ledger-table';
import { ledgerCsvUrl, useLedger } from './list-ledger';

interface LedgerCardProps {
  search: BalancesSearch;
  onFiltersChange: (next: LedgerSearch) => void;
  onPageChange: (page: number) => void;
}

/** Every ledger row (DOMAIN.md "Ledger"), newest first, filtered in the URL and exported with the same filters. */
export function LedgerCard({ search, onFiltersChange, onPageChange }: LedgerCardProps) {
  const ledger = useLedger(toLedgerQuery(search));
  const filters: LedgerSearch = { txType: search.txType, txUser: search.txUser, txFrom: search.txFrom, txTo: search.txTo };
  const filtered = hasActiveFilters(filters);
  const data = ledger.data;

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
      <ListResults
        query={ledger}
        errorTitle="Couldn't load the transactions"
        isEmpty={(result) => result.items.length === 0}
        empty={
          filtered ? (
            <EmptyState icon={<IconReceipt size={28} />} title="No transactions match these filters." description="Try a wider date range or clear the filters." />
          ) : (
            <EmptyState icon={<IconReceipt size={28} />} title="No transactions yet." description="Top up the main balance to record the first one." />
          )
        }
      >
        <LedgerTable rows={data?.items} refreshing={ledger.isPlaceholderData} />
      </ListResults>
      <ListPagination
        data={data}
        page={data?.page ?? 1}
        onPageChange={onPageChange}
        noun={{ one: 'transaction', many: 'transactions' }}
        label="Transaction pages"
        testId="ledger-total"
        placement="inside"
      />
    </Card>
  );
}
