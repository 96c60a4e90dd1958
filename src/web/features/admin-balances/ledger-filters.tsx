import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { LEDGER_TYPES, type LedgerType } from '../../../contracts/balances';
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
  const [user, setUser] = useState(filters.txUser ?? '');
  const commitUser = useDebouncedCallback((next: string) => set({ txUser: next.trim() || undefined }), 400);
  // Follow the URL when it changes from outside (Clear filters, back button), but not while typing spaces.
  useEffect(() => {
    setUser((current) => (current.trim() === (filters.txUser ?? '') ? current : (filters.txUser ?? '')));
  }, [filters.txUser]);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  return (
    <>
      <Grid columns={24} gutter="sm">
        <Grid.Col span={{ base: 24, sm: 12, lg: 6 }}>
          <Select
            label="Type"
            placeholder="All types"
            data={TYPE_OPTIONS}
            value={filters.txType ?? null}
            onChange={(value) => set({ txType: (value as LedgerType | null) ?? undefined })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: 12, lg: 8 }}>
          <TextInput
            label="User"
            placeholder="Email or name"
            leftSection={<IconSearch size={16} />}
            value={user}
            onChange={(event) => {
              setUser(event.currentTarget.value);
              commitUser(event.currentTarget.value);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TextInput
            label="From"
            type="date"
            value={filters.txFrom ?? ''}
            max={filters.txTo}
            onChange={(event) => set({ txFrom: event.currentTarget.value || undefined })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TextInput
            label="To"
            type="date"
            value={filters.txTo ?? ''}
            min={filters.txFrom}
            onChange={(event) => set({ txTo: event.currentTarget.value || undefined })}
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
            commitUser.cancel();
            onChange({});
          }}
          w="fit-content"
        >
          Clear filters
        </Button>
      )}
    </>
  );
}
