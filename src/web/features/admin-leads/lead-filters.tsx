import { Grid } from '@mantine/core';
import { LEAD_KINDS, LEAD_STATUSES } from '../../../contracts/leads';
import { hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import { KIND_LABELS, STATUS_LABELS } from './lead-labels';
import type { LeadsSearch } from './leads-search';

type Filters = Omit<LeadsSearch, 'page'>;

const STATUS_OPTIONS = LEAD_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));
const KIND_OPTIONS = LEAD_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

interface LeadFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
}

export function LeadFilters({ filters, onChange }: LeadFiltersProps) {
  // Any filter leaves the single lead a notification linked to.
  const set = (patch: Filters) => onChange({ ...filters, id: undefined, ...patch });
  const search = useDebouncedFilter(filters.q, (q) => set({ q }));

  return (
    <ListFilters
      hasFilters={hasActiveFilters(filters)}
      textFilters={[search]}
      onClear={() => onChange({})}
    >
      <Grid.Col span={{ base: 12, md: 6 }}>
        <SearchFilter label="Search" placeholder="Name, email, phone or company" {...search.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter label="Status" placeholder="All statuses" data={STATUS_OPTIONS} value={filters.status} onChange={(status) => set({ status })} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter label="Type" placeholder="Quotes and demos" data={KIND_OPTIONS} value={filters.kind} onChange={(kind) => set({ kind })} />
      </Grid.Col>
    </ListFilters>
  );
}
