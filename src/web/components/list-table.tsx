import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { SkeletonRows } from './skeleton-rows';

interface ListTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  /** Undefined while the first page loads: skeleton rows stand in. */
  items: T[] | undefined;
  /** A newer page is on its way: the rows dim and the table reads busy. */
  refreshing: boolean;
  renderRow: (item: T) => ReactNode;
  minWidth: number;
  horizontalSpacing?: MantineSpacing;
  /** Columns whose header aligns right (numbers). */
  rightAligned?: readonly string[];
  /** A header cell of its own, e.g. a sortable one. */
  renderHeader?: (column: string) => ReactNode;
  skeletonRows?: number;
  /** Width of a column's skeleton bar; 80% unless said. */
  skeletonWidth?: (column: string) => number | string;
}

/** An admin list's table: scrolls sideways on a phone, skeleton rows while loading, dimmed while refreshing. */
export function ListTable<T>({
  label,
  columns,
  items,
  refreshing,
  renderRow,
  minWidth,
  horizontalSpacing,
  rightAligned = [],
  renderHeader,
  skeletonRows = 5,
  skeletonWidth = () => '80%',
}: ListTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing={horizontalSpacing}
        highlightOnHover
        aria-label={label}
        aria-busy={!items || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              renderHeader ? (
                renderHeader(column)
              ) : (
                <Table.Th key={column} ta={rightAligned.includes(column) ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {column}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items ? items.map(renderRow) : <SkeletonRows columns={columns} rows={skeletonRows} height={14} radius="sm" width={skeletonWidth} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
