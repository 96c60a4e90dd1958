import { ActionIcon, Badge, Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEntry } from '../../../contracts/audit';
import { ListTable } from '../../components/list-table';
import { ACTION_LABELS, actionColor, missingActorLabel } from './action-labels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const COLUMNS = ['Time', 'Actor', 'Action', 'Target', 'Reason', 'IP address', 'Details'] as const;

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  const hasMeta = Object.keys(entry.meta).length > 0;
  const detailsLabel = open ? 'Hide details' : 'Show details';
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={entry.createdAt} title={entry.createdAt}>
            <Text size="sm" span display="block">
              {dateFormat.format(new Date(entry.createdAt))}
            </Text>
            <Text size="xs" c="dimmed" span display="block">
              {timeFormat.format(new Date(entry.createdAt))}
            </Text>
          </time>
        </Table.Td>
        <Table.Td>
          {entry.actor ? (
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {entry.actor.name}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.actor.email}
              </Text>
            </Stack>
          ) : (
            <Dimmed>{missingActorLabel(entry.action)}</Dimmed>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Badge
            variant="light"
            color={actionColor(entry.action)}
            tt="none"
            fw={600}
            size="md"
            // Mantine ellipsizes badge labels; in an auto-sized table column that would cut every label short.
            styles={{ label: { overflow: 'visible' } }}
          >
            {ACTION_LABELS[entry.action]}
          </Badge>
        </Table.Td>
        <Table.Td>
          {entry.targetType || entry.targetId || entry.targetLabel ? (
            <Stack gap={0}>
              {entry.targetLabel && (
                <Text size="sm" fw={500}>
                  {entry.targetLabel}
                </Text>
              )}
              <Text size="xs" c="dimmed" ff="monospace">
                {[entry.targetType, entry.targetId].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          ) : (
            <Dimmed>—</Dimmed>
          )}
        </Table.Td>
        <Table.Td maw={260}>{entry.reason ? <Text size="sm">{entry.reason}</Text> : <Dimmed>—</Dimmed>}</Table.Td>
        <Table.Td>
          <Text size="sm" ff="monospace">
            {entry.ip ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          {hasMeta ? (
            <Tooltip label={detailsLabel}>
              <ActionIcon variant="subtle" color="gray" aria-label={detailsLabel} aria-expanded={open} onClick={() => setOpen((value) => !value)}>
                {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
              </ActionIcon>
            </Tooltip>
          ) : (
            <Dimmed>—</Dimmed>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS.length} bg="var(--mantine-color-default-hover)">
            <Code block data-testid="audit-meta">
              {JSON.stringify(entry.meta, null, 2)}
            </Code>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

interface AuditTableProps {
  entries: AuditEntry[] | undefined;
  refreshing: boolean;
}

export function AuditTable({ entries, refreshing }: AuditTableProps) {
  return (
    <ListTable
      label="Audit entries"
      columns={COLUMNS}
      items={entries}
      refreshing={refreshing}
      minWidth={860}
      skeletonRows={6}
      skeletonWidth={(column) => (column === 'Details' ? 24 : '80%')}
      renderRow={(entry) => <AuditRow key={entry.id} entry={entry} />}
    />
  );
}
