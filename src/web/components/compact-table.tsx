import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { SkeletonRows } from './skeleton-rows';

interface CompactTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  /** Undefined while loading: skeleton rows stand in. */
  items: T[] | undefined;
  /** A newer page is on its way (the table reads busy). */
  refreshing?: boolean;
  renderRow: (item: T) => ReactNode;
  minWidth: number;
  verticalSpacing?: MantineSpacing | number;
  skeletonRows?: number;
}

/** A short table inside a card (a user's channels, history, plans): tight rows, skeletons while loading. */
export function CompactTable<T>({ label, columns, items, refreshing = false, renderRow, minWidth, verticalSpacing = 'xs', skeletonRows = 2 }: CompactTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} aria-label={label} aria-busy={!items || refreshing}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items ? items.map(renderRow) : <SkeletonRows columns={columns} rows={skeletonRows} height={12} width={() => '70%'} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
