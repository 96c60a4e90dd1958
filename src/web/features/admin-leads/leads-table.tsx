import { Anchor, Badge, Button, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNotes } from '@tabler/icons-react';
import { LEAD_STATUSES, type Lead, type LeadStatus } from '../../../contracts/leads';
import { ListTable } from '../../components/list-table';
import { TableDash as Dash } from '../../components/table-dash';
import { formatDateTime, KIND_COLORS, KIND_LABELS, STATUS_LABELS } from './lead-labels';
import { useUpdateLead } from './update-lead';

const COLUMNS = ['Received', 'Type', 'Contact', 'Plan', 'Preferred slot', 'Status', 'Notes'] as const;
const STATUS_OPTIONS = LEAD_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

function StatusSelect({ lead }: { lead: Lead }) {
  const update = useUpdateLead();
  const change = (status: LeadStatus) =>
    update.mutate(
      { id: lead.id, body: { status } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: `${lead.name} marked ${STATUS_LABELS[status].toLowerCase()}.` }),
        onError: (error) => notifications.show({ color: 'red', title: "Couldn't change the status", message: error.message }),
      },
    );
  return (
    <NativeSelect
      size="xs"
      w={130}
      aria-label={`Status of ${lead.name}`}
      data={STATUS_OPTIONS}
      value={update.isPending ? update.variables.body.status : lead.status}
      disabled={update.isPending}
      onChange={(event) => change(event.currentTarget.value as LeadStatus)}
    />
  );
}

function LeadRow({ lead, onOpen }: { lead: Lead; onOpen: (lead: Lead) => void }) {
  return (
    <Table.Tr data-testid="lead-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={lead.createdAt}>
          <Text size="sm">{formatDateTime(lead.createdAt)}</Text>
        </time>
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={KIND_COLORS[lead.kind]}
          // Mantine ellipsizes badge labels; in an auto-sized table column that would cut every label short.
          styles={{ label: { overflow: 'visible' } }}
        >
          {KIND_LABELS[lead.kind]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {lead.name}
          </Text>
          <Anchor size="xs" href={`mailto:${lead.email}`}>
            {lead.email}
          </Anchor>
          <Anchor size="xs" href={`tel:${lead.phone}`} c="dimmed">
            {lead.phone}
          </Anchor>
          {lead.company && (
            <Text size="xs" c="dimmed">
              {lead.company}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{lead.plan ? <Text size="sm">{lead.plan.name}</Text> : <Dash />}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {lead.preferredAt ? (
          <time dateTime={lead.preferredAt}>
            <Text size="sm">{formatDateTime(lead.preferredAt)}</Text>
          </time>
        ) : (
          <Dash />
        )}
      </Table.Td>
      <Table.Td>
        <StatusSelect lead={lead} />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant={lead.notes ? 'light' : 'subtle'}
          leftSection={<IconNotes size={14} />}
          onClick={() => onOpen(lead)}
          aria-label={`Details and notes for ${lead.name}`}
        >
          {lead.notes ? 'Notes' : 'Details'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

interface LeadsTableProps {
  leads: Lead[] | undefined;
  refreshing: boolean;
  onOpen: (lead: Lead) => void;
}

export function LeadsTable({ leads, refreshing, onOpen }: LeadsTableProps) {
  return (
    <ListTable
      label="Leads"
      columns={COLUMNS}
      items={leads}
      refreshing={refreshing}
      minWidth={900}
      renderRow={(lead) => <LeadRow key={lead.id} lead={lead} onOpen={onOpen} />}
    />
  );
}
