import { Grid } from '@mantine/core';
import { USER_STATUSES } from '../../../contracts/admin-users';
import { hasActiveFilters, ListFilters, SearchFilter, SelectFilter, useDebouncedFilter } from '../../components/list-filters';
import { useAdminPlans } from '../admin-plans/list-admin-plans';
import { USER_STATUS_LABELS } from './user-labels';
import type { UsersSearch } from './users-search';

type Filters = Pick<UsersSearch, 'q' | 'status' | 'planId'>;

const STATUS_OPTIONS = USER_STATUSES.map((status) => ({ value: status, label: USER_STATUS_LABELS[status] }));

export function UsersFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const plans = useAdminPlans();
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const search = useDebouncedFilter(filters.q, (q) => set({ q }), 350);
  const planOptions = (plans.data?.plans ?? []).map((plan) => ({
    value: plan.id,
    label: plan.status === 'archived' ? `${plan.name} (archived)` : plan.name,
  }));

  return (
    <ListFilters
      hasFilters={hasActiveFilters(filters)}
      textFilters={[search]}
      onClear={() => onChange({})}
    >
      <Grid.Col span={{ base: 12, md: 6 }}>
        <SearchFilter label="Search" placeholder="Name or email" {...search.input} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter label="Status" placeholder="All statuses" data={STATUS_OPTIONS} value={filters.status} onChange={(status) => set({ status })} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, md: 3 }}>
        <SelectFilter
          label="Plan"
          placeholder={plans.isError ? "Plans couldn't load" : 'All plans'}
          data={planOptions}
          value={filters.planId}
          onChange={(planId) => set({ planId })}
          searchable
          nothingFoundMessage="No plan by that name"
        />
      </Grid.Col>
    </ListFilters>
  );
}
