import { Button, Card, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { USER_STATUSES, type UserStatus } from '../../../contracts/admin-users';
import { useAdminPlans } from '../admin-plans/list-admin-plans';
import { USER_STATUS_LABELS } from './user-labels';
import type { UsersSearch } from './users-search';

type Filters = Pick<UsersSearch, 'q' | 'status' | 'planId'>;

const STATUS_OPTIONS = USER_STATUSES.map((status) => ({ value: status, label: USER_STATUS_LABELS[status] }));

export function UsersFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const plans = useAdminPlans();
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const [text, setText] = useState(filters.q ?? '');
  // Search applies after a short pause in typing; the selects apply at once.
  const commit = useDebouncedCallback((next: string) => set({ q: next.trim() || undefined }), 350);
  useEffect(() => {
    setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  const planOptions = (plans.data?.plans ?? []).map((plan) => ({
    value: plan.id,
    label: plan.status === 'archived' ? `${plan.name} (archived)` : plan.name,
  }));

  return (
    <Card mb="lg" padding="md" component="section" aria-label="Filters">
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label="Search"
            placeholder="Name or email"
            leftSection={<IconSearch size={16} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              commit(event.currentTarget.value);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Status"
            placeholder="All statuses"
            data={STATUS_OPTIONS}
            value={filters.status ?? null}
            onChange={(value) => set({ status: (value as UserStatus | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Plan"
            placeholder={plans.isError ? "Plans couldn't load" : 'All plans'}
            data={planOptions}
            value={filters.planId ?? null}
            onChange={(value) => set({ planId: value ?? undefined })}
            clearable
            searchable
            nothingFoundMessage="No plan by that name"
          />
        </Grid.Col>
      </Grid>
      {hasFilters && (
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          mt="sm"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => {
            commit.cancel();
            setText('');
            onChange({});
          }}
          w="fit-content"
        >
          Clear filters
        </Button>
      )}
    </Card>
  );
}
