import { Skeleton, Table, type MantineRadius } from '@mantine/core';

interface SkeletonRowsProps {
  columns: readonly string[];
  rows: number;
  height: number;
  radius?: MantineRadius;
  /** Width of a column's bar. */
  width: (column: string) => number | string;
}

/** Placeholder table rows while a list loads: one grey bar per cell. */
export function SkeletonRows({ columns, rows, height, radius, width }: SkeletonRowsProps) {
  return Array.from({ length: rows }, (_, row) => (
    <Table.Tr key={row}>
      {columns.map((column) => (
        <Table.Td key={column}>
          <Skeleton height={height} radius={radius} width={width(column)} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
