import { Badge, Button, Card, CloseButton, Grid, Group, Select, TextInput, type GridColProps, type SelectProps, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type ChangeEvent, type ReactNode } from 'react';

/** True when any filter in the URL is set (the "Clear filters" button and the filtered empty states read it). */
export function hasActiveFilters(filters: object): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * A free-text filter that applies after a short pause in typing. It follows the URL when that changes from
 * outside (Clear filters, back button), but not while the admin is typing spaces.
 */
export function useDebouncedFilter(value: string | undefined, commit: (value: string | undefined) => void, delay = 400) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebouncedCallback((next: string) => commit(next.trim() || undefined), delay);
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
  const clear = () => {
    debounced.cancel();
    setText('');
  };
  return { input, clear };
}

/** A text filter with the search icon; spread a `useDebouncedFilter(...).input` into it. */
export function SearchFilter(props: TextInputProps & { value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void }) {
  return <TextInput leftSection={<IconSearch size={16} />} {...props} />;
}

interface SelectFilterProps<T extends string> extends Omit<SelectProps, 'value' | 'onChange'> {
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}

/** A clearable select whose empty value means "no filter". */
export function SelectFilter<T extends string>({ value, onChange, ...props }: SelectFilterProps<T>) {
  return <Select value={value ?? null} onChange={(next) => onChange((next as T | null) ?? undefined)} clearable {...props} />;
}

interface DateRangeFilterProps {
  from: string | undefined;
  to: string | undefined;
  span: GridColProps['span'];
  onChange: (range: { from?: string; to?: string }) => void;
}

/** "From" and "To" date inputs as two grid columns; each bounds the other. */
export function DateRangeFilter({ from, to, span, onChange }: DateRangeFilterProps) {
  return (
    <>
      <Grid.Col span={span}>
        <TextInput label="From" type="date" value={from ?? ''} max={to} onChange={(event) => onChange({ from: event.currentTarget.value || undefined, to })} />
      </Grid.Col>
      <Grid.Col span={span}>
        <TextInput label="To" type="date" value={to ?? ''} min={from} onChange={(event) => onChange({ from, to: event.currentTarget.value || undefined })} />
      </Grid.Col>
    </>
  );
}

interface ListFiltersProps {
  /** Shows "Clear filters". */
  hasFilters: boolean;
  /** Called by "Clear filters", after the text filters have dropped what was typed and is still pending. */
  onClear: () => void;
  /** The `useDebouncedFilter` results of this bar, emptied by "Clear filters". */
  textFilters?: readonly { clear: () => void }[];
  /** Grid columns; 12 unless a screen needs finer steps. */
  columns?: number;
  /** Shown before "Clear filters", e.g. a chip for a filter that has no input. */
  chips?: ReactNode;
  /** Inside a card that already has its own frame: no filter card of its own. */
  bare?: boolean;
  children: ReactNode;
}

/** The filter bar above an admin list: the inputs in a grid, then any chips and "Clear filters". */
export function ListFilters({ hasFilters, onClear, textFilters = [], columns, chips, bare = false, children }: ListFiltersProps) {
  const clear = () => {
    for (const filter of textFilters) filter.clear();
    onClear();
  };
  const content = (
    <>
      <Grid columns={columns} gutter="sm">
        {children}
      </Grid>
      {(chips || hasFilters) && (
        <Group gap="sm" mt="sm">
          {chips}
          {hasFilters && (
            <Button variant="subtle" color="gray" size="xs" leftSection={<IconFilterOff size={14} />} onClick={clear}>
              Clear filters
            </Button>
          )}
        </Group>
      )}
    </>
  );
  return bare ? (
    content
  ) : (
    <Card mb="lg" padding="md" component="section" aria-label="Filters">
      {content}
    </Card>
  );
}

/** A filter that came from a link (one campaign, one user), shown as a removable chip above the fields. */
export function FilterChip({ label, clearLabel, onClear, testId }: { label: ReactNode; clearLabel: string; onClear: () => void; testId?: string }) {
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      fw={500}
      data-testid={testId}
      rightSection={<CloseButton size="xs" aria-label={clearLabel} onClick={onClear} />}
    >
      {label}
    </Badge>
  );
}
