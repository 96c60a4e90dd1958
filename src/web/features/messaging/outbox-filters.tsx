import { Grid } from '@mantine/core';
import { MESSAGE_STATUSES } from '../../../contracts/messaging';
import { FilterChip, hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import { MESSAGE_STATUS_LABELS } from './messaging-labels';
import type { OutboxSearch } from './outbox-search';

type Filters = Omit<OutboxSearch, 'page'>;

const STATUS_OPTIONS = MESSAGE_STATUSES.map((status) => ({ value: status, label: MESSAGE_STATUS_LABELS[status] }));

interface OutboxFiltersProps {
  filters: Filters;
  /** The campaign the list is narrowed to, by name once a row has shown it. */
  campaignLabel: string | null;
  onChange: (next: Filters) => void;
}

export function OutboxFilters({ filters, campaignLabel, onChange }: OutboxFiltersProps) {
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const search = useDebouncedFilter(filters.q, (q) => set({ q }));

  return (
    <ListFilters
      hasFilters={hasActiveFilters(filters)}
      textFilters={[search]}
      onClear={() => onChange({})}
      chips={
        filters.campaignId && (
          <FilterChip
            testId="campaign-filter"
            label={`Campaign: ${campaignLabel ?? 'selected campaign'}`}
            clearLabel="Show every campaign"
            onClear={() => set({ campaignId: undefined })}
          />
        )
      }
    >
      <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
        <SearchFilter label="Search number" placeholder="Part of the recipient's number" inputMode="tel" {...search.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
        <SelectFilter label="Status" placeholder="All statuses" data={STATUS_OPTIONS} value={filters.status} onChange={(status) => set({ status })} />
      </Grid.Col>
    </ListFilters>
  );
}
