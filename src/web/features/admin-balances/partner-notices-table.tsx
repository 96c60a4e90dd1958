import { Button, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { PartnerNoticesPage } from '../../../contracts/whapi-settings';
import { ListTable } from '../../components/list-table';
import { formatDateTime, formatDays } from '../../components/partner-balance';

type Notice = PartnerNoticesPage['items'][number];

const COLUMNS = ['Received', 'Current days', 'Days limit', 'Raw notice'] as const;

function NoticeRow({ notice }: { notice: Notice }) {
  const [open, setOpen] = useState(false);
  const rawId = `notice-raw-${notice.id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={notice.receivedAt}>{formatDateTime(notice.receivedAt)}</time>
        </Table.Td>
        <Table.Td ta="right" fw={600}>
          {formatDays(notice.currentDays)}
        </Table.Td>
        <Table.Td ta="right">{notice.daysLimit === null ? '—' : formatDays(notice.daysLimit)}</Table.Td>
        <Table.Td>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            aria-expanded={open}
            aria-controls={rawId}
            onClick={() => setOpen((value) => !value)}
          >
            {open ? 'Hide raw' : 'Show raw'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={rawId}>
          <Table.Td colSpan={COLUMNS.length} bg="var(--mantine-color-default-hover)">
            <Code block data-testid="notice-raw" style={{ maxHeight: 320, overflow: 'auto' }}>
              {JSON.stringify(notice.raw, null, 2) ?? 'null'}
            </Code>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

interface PartnerNoticesTableProps {
  notices: Notice[] | undefined;
  refreshing: boolean;
}

export function PartnerNoticesTable({ notices, refreshing }: PartnerNoticesTableProps) {
  return (
    <ListTable
      label="Partner balance notices"
      columns={COLUMNS}
      items={notices}
      refreshing={refreshing}
      minWidth={500}
      rightAligned={['Current days', 'Days limit']}
      skeletonWidth={(column) => (column === 'Received' ? '70%' : 60)}
      renderRow={(notice) => <NoticeRow key={notice.id} notice={notice} />}
    />
  );
}

export function NoNotices() {
  return (
    <Text size="sm" c="dimmed" ta="center" py={40} px="md">
      No notices yet. WHAPI sends one when your partner days reach the limit set in WHAPI Settings.
    </Text>
  );
}
