import { Button, Card, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type ChangeEvent } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '../../../contracts/audit';
import { ACTION_LABELS } from './action-labels';
import type { AuditSearch } from './audit-search';

type Filters = Omit<AuditSearch, 'page'>;

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }));

interface AuditFiltersProps {
  filters: Filters;
  onChange: (next: Filters) => void;
}

/** Free-text filters apply after a short pause in typing; selects and dates apply at once. */
function useTextFilter(value: string | undefined, commit: (value: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedCallback((next: string) => commit(next.trim() || undefined), 400);
  // Follow the URL when it changes from outside (Clear filters, back button), but not while typing spaces.
  useEffect(() => {
    setText((current) => (current.trim() === (value ?? '') ? current : (value ?? '')));
  }, [value]);
  const input = {
    value: text,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setText(event.currentTarget.value);
      debounced(event.currentTarget.value);
    },
  };
  return { input, cancel: debounced.cancel };
}

export function AuditFilters({ filters, onChange }: AuditFiltersProps) {
  const set = (patch: Filters) => onChange({ ...filters, ...patch });
  const actor = useTextFilter(filters.actor, (value) => set({ actor: value }));
  const targetType = useTextFilter(filters.targetType, (value) => set({ targetType: value }));
  const targetId = useTextFilter(filters.targetId, (value) => set({ targetId: value }));
  const clear = () => {
    for (const filter of [actor, targetType, targetId]) filter.cancel();
    onChange({});
  };
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Card mb="lg" padding="md" component="section" aria-label="Filters">
      {/* 24 columns: on a wide screen all six filters share one row, text fields getting the most room. */}
      <Grid columns={24} gutter="sm">
        <Grid.Col span={{ base: 24, md: 8, lg: 5 }}>
          <TextInput label="Actor" placeholder="Name or email" leftSection={<IconSearch size={16} />} {...actor.input} />
        </Grid.Col>
        <Grid.Col span={{ base: 24, md: 8, lg: 5 }}>
          <Select
            label="Action"
            placeholder="All actions"
            data={ACTION_OPTIONS}
            value={filters.action ?? null}
            onChange={(value) => set({ action: (value as AuditAction | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 3 }}>
          <TextInput label="Target type" placeholder="e.g. user" {...targetType.input} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 3 }}>
          <TextInput label="Target ID" placeholder="Exact ID" {...targetId.input} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 4 }}>
          <TextInput
            label="From"
            type="date"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set({ from: event.currentTarget.value || undefined })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 4 }}>
          <TextInput
            label="To"
            type="date"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set({ to: event.currentTarget.value || undefined })}
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
          onClick={clear}
          w="fit-content"
        >
          Clear filters
        </Button>
      )}
    </Card>
  );
}
