import { Button, Card, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { LEAD_KINDS, LEAD_STATUSES, type LeadKind, type LeadStatus } from '../../../contracts/leads';
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
  const set = (patch: Filters) => onChange({ ...filters, id: undefined, ...patch });
  const [text, setText] = useState(filters.q ?? '');
  // Search applies after a short pause in typing; the selects apply at once.
  const commit = useDebouncedCallback((next: string) => set({ q: next.trim() || undefined }), 400);
  useEffect(() => {
    setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <Card mb="lg" padding="md" component="section" aria-label="Filters">
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label="Search"
            placeholder="Name, email, phone or company"
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
            onChange={(value) => set({ status: (value as LeadStatus | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Type"
            placeholder="Quotes and demos"
            data={KIND_OPTIONS}
            value={filters.kind ?? null}
            onChange={(value) => set({ kind: (value as LeadKind | null) ?? undefined })}
            clearable
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
