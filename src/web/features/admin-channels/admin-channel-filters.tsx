import { Grid, Text } from '@mantine/core';
import { CHANNEL_STATUSES, DISPLAY_STATUSES } from '../../../contracts/channels';
import { FilterChip, hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import { BILLING_STATUS_LABELS, DISPLAY_STATUS_LABELS } from '../channels/channel-labels';
import type { AdminChannelsSearch } from './admin-channels-search';

type Filters = Omit<AdminChannelsSearch, 'page'>;

const STATUS_OPTIONS = DISPLAY_STATUSES.map((status) => ({ value: status, label: DISPLAY_STATUS_LABELS[status] }));
const BILLING_OPTIONS = CHANNEL_STATUSES.map((status) => ({ value: status, label: BILLING_STATUS_LABELS[status] }));

interface AdminChannelFiltersProps {
  filters: Filters;
  /** The filtered user's email, when the rows on screen tell us. */
  userLabel: string | null;
  onChange: (next: Filters) => void;
}

export function AdminChannelFilters({ filters, userLabel, onChange }: AdminChannelFiltersProps) {
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const search = useDebouncedFilter(filters.q, (q) => set({ q }));

  return (
    <ListFilters
      hasFilters={hasActiveFilters(filters)}
      textFilters={[search]}
      onClear={() => onChange({})}
      chips={
        filters.userId && (
          <FilterChip
            testId="user-filter"
            label={
              <Text span size="sm">
                User: {userLabel ?? 'selected user'}
              </Text>
            }
            clearLabel="Show every user's channels"
            onClear={() => set({ userId: undefined })}
          />
        )
      }
    >
      <Grid.Col span={{ base: 12, md: 6 }}>
        <SearchFilter label="Search" placeholder="Name, phone, user or channel ID" {...search.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter label="Status" placeholder="All statuses" data={STATUS_OPTIONS} value={filters.status} onChange={(status) => set({ status })} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter label="Days" placeholder="Any" data={BILLING_OPTIONS} value={filters.billing} onChange={(billing) => set({ billing })} />
      </Grid.Col>
    </ListFilters>
  );
}
