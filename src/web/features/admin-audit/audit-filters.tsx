import { Grid, TextInput } from '@mantine/core';
import { AUDIT_ACTIONS } from '../../../contracts/audit';
import { DateRangeFilter, hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import { ACTION_LABELS } from './action-labels';
import type { AuditSearch } from './audit-search';

type Filters = Omit<AuditSearch, 'page'>;

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }));

interface AuditFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
}

/** Free-text filters apply after a short pause in typing; selects and dates apply at once. */
export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const actor = useDebouncedFilter(filters.actor, (value) => set({ actor: value }));
  const targetType = useDebouncedFilter(filters.targetType, (value) => set({ targetType: value }));
  const targetId = useDebouncedFilter(filters.targetId, (value) => set({ targetId: value }));

  return (
    <ListFilters
      columns={24}
      hasFilters={hasActiveFilters(filters)}
      textFilters={[actor, targetType, targetId]}
      onClear={() => onChange({})}
    >
      {/* 24 columns: on a wide screen all six filters share one row, text fields getting the most room. */}
      <Grid.Col span={{ base: 24, md: 8, lg: 5 }}>
        <SearchFilter label="Actor" placeholder="Name or email" {...actor.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 24, md: 8, lg: 5 }}>
        <SelectFilter label="Action" placeholder="All actions" data={ACTION_OPTIONS} value={filters.action} onChange={(action) => set({ action })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 3 }}>
        <TextInput label="Target type" placeholder="e.g. user" {...targetType.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 3 }}>
        <TextInput label="Target ID" placeholder="Exact ID" {...targetId.input} />
      </Grid.Col>
      <DateRangeFilter from={filters.from} to={filters.to} span={{ base: 12, md: 8, lg: 4 }} onChange={(range) => set(range)} />
    </ListFilters>
  );
}
