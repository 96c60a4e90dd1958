import { Grid } from '@mantine/core';
import { LEDGER_TYPES } from '../../../contracts/balances';
import { DateRangeFilter, hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import type { LedgerSearch } from './balances-search';
import { LEDGER_TYPE_LABELS } from './ledger-labels';

const TYPE_OPTIONS = LEDGER_TYPES.map((type) => ({ value: type, label: LEDGER_TYPE_LABELS[type] }));

interface LedgerFiltersProps {
  filters: LedgerSearch;
  onChange: (next: LedgerSearch) => void;
}

/** The user search applies after a short pause in typing; the type and the dates apply at once. */
export function LedgerFilters({ filters, onChange }: LedgerFiltersProps) {
  const set = (patch: LedgerSearch) => onChange({ ...filters, ...patch });
  const user = useDebouncedFilter(filters.txUser, (txUser) => set({ txUser }));

  return (
    <ListFilters
      bare
      columns={24}
      hasFilters={hasActiveFilters(filters)}
      textFilters={[user]}
      onClear={() => onChange({})}
    >
      <Grid.Col span={{ base: 24, sm: 12, lg: 6 }}>
        <SelectFilter label="Type" placeholder="All types" data={TYPE_OPTIONS} value={filters.txType} onChange={(txType) => set({ txType })} />
      </Grid.Col>
      <Grid.Col span={{ base: 24, sm: 12, lg: 8 }}>
        <SearchFilter label="User" placeholder="Email or name" {...user.input} />
      </Grid.Col>
      <DateRangeFilter
        from={filters.txFrom}
        to={filters.txTo}
        span={{ base: 12, lg: 5 }}
        onChange={(range) => set({ txFrom: range.from, txTo: range.to })}
      />
    </ListFilters>
  );
}
