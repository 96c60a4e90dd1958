import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Lead } from '../../../contracts/leads';
import { Fact } from '../../components/fact';
import { formatDateTime, KIND_COLORS, KIND_LABELS, STATUS_COLORS, STATUS_LABELS } from './lead-labels';
import { useUpdateLead } from './update-lead';

interface LeadDrawerProps {
  lead: Lead | null;
  onClose: () => void;
}

/** A lead in full — including the requester's message — and the internal notes only admins see. */
export function LeadDrawer({ lead, onClose }: LeadDrawerProps) {
  const update = useUpdateLead();
  const [notes, setNotes] = useState('');
  const { reset } = update;
  useEffect(() => {
    setNotes(lead?.notes ?? '');
    reset();
  }, [lead, reset]);
  const unchanged = notes.trim() === (lead?.notes ?? '');

  const save = () => {
    if (!lead) return;
    update.mutate(
      { id: lead.id, body: { notes: notes.trim() || null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Notes saved.' });
          onClose();
        },
      },
    );
  };

  return (
    <Drawer opened={lead !== null} onClose={onClose} position="right" size="md" title={lead ? lead.name : 'Lead'}>
      {lead && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light" color={KIND_COLORS[lead.kind]}>
              {KIND_LABELS[lead.kind]}
            </Badge>
            <Badge variant="dot" color={STATUS_COLORS[lead.status]}>
              {STATUS_LABELS[lead.status]}
            </Badge>
          </Group>
          <Fact label="Received">{formatDateTime(lead.createdAt)}</Fact>
          <Fact label="Email">
            <Anchor href={`mailto:${lead.email}`}>{lead.email}</Anchor>
          </Fact>
          <Fact label="Phone">
            <Anchor href={`tel:${lead.phone}`}>{lead.phone}</Anchor>
          </Fact>
          {lead.company && <Fact label="Company">{lead.company}</Fact>}
          {lead.plan && <Fact label="Plan">{lead.plan.name}</Fact>}
          {lead.preferredAt && <Fact label="Preferred slot">{formatDateTime(lead.preferredAt)}</Fact>}
          <Fact label="Message">
            {lead.message ? <Text style={{ whiteSpace: 'pre-wrap' }}>{lead.message}</Text> : <Text c="dimmed">No message.</Text>}
          </Fact>
          <Divider />
          {update.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
              {update.error.message}
            </Alert>
          )}
          <Textarea
            label="Internal notes"
            description="Only admins see these."
            autosize
            minRows={4}
            maxRows={12}
            maxLength={5000}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={save} loading={update.isPending} disabled={unchanged}>
              Save notes
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
