import { Badge, Stack, Table, Text } from '@mantine/core';
import type { LedgerRow } from '../../../contracts/balances';
import { ListTable } from '../../components/list-table';
import { formatDays } from '../../components/partner-balance';
import { TableDash as Dash } from '../../components/table-dash';
import { LEDGER_TYPE_COLORS, LEDGER_TYPE_LABELS, ledgerTypeScope } from './ledger-labels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const COLUMNS = ['Time', 'Type', 'Days', 'Channel', 'User', 'Actor', 'Note', 'Op ID'] as const;

function signedDays(days: number): string {
  return `${days > 0 ? '+' : days < 0 ? '−' : ''}${formatDays(Math.abs(days))}`;
}

function LedgerTableRow({ row }: { row: LedgerRow }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={row.createdAt} title={row.createdAt}>
          <Text size="sm" span display="block">
            {dateFormat.format(new Date(row.createdAt))}
          </Text>
          <Text size="xs" c="dimmed" span display="block">
            {timeFormat.format(new Date(row.createdAt))}
          </Text>
        </time>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2} align="flex-start">
          <Badge variant="light" color={LEDGER_TYPE_COLORS[row.type]} tt="none" fw={600} styles={{ label: { overflow: 'visible' } }}>
            {LEDGER_TYPE_LABELS[row.type]}
          </Badge>
          <Text size="xs" c="dimmed">
            {ledgerTypeScope(row.type)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td ta="right" fw={700} c={row.days < 0 ? 'orange' : 'teal'} style={{ whiteSpace: 'nowrap' }}>
        {signedDays(row.days)}
      </Table.Td>
      <Table.Td>
        {row.channel ? (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {row.channel.name ?? 'Unknown channel'}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {row.channel.ref ?? row.channel.id}
            </Text>
          </Stack>
        ) : (
          <Dash />
        )}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.user ? <Text size="sm">{row.user.email}</Text> : <Dash />}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {row.actor ? (
          <Text size="sm">{row.actor.email}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            System
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={240}>{row.note ? <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{row.note}</Text> : <Dash />}</Table.Td>
      <Table.Td>
        {row.opId ? (
          <Text size="xs" ff="monospace" c="dimmed" title={row.opId}>
            {row.opId.length > 13 ? `${row.opId.slice(0, 8)}…` : row.opId}
          </Text>
        ) : (
          <Dash />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface LedgerTableProps {
  rows: LedgerRow[] | undefined;
  refreshing: boolean;
}

export function LedgerTable({ rows, refreshing }: LedgerTableProps) {
  return (
    <ListTable
      label="Balance transactions"
      columns={COLUMNS}
      items={rows}
      refreshing={refreshing}
      minWidth={860}
      rightAligned={['Days']}
      skeletonWidth={(column) => (column === 'Days' ? 40 : '80%')}
      renderRow={(row) => <LedgerTableRow key={row.id} row={row} />}
    />
  );
}
