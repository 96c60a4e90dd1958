import { Stack, Text, Timeline } from '@mantine/core';
import type { AuditEntry } from '../../../contracts/audit';
import { ACTION_LABELS } from '../admin-audit/action-labels';
import { formatDateTime } from '../channels/channel-labels';

/** The channel's last audit rows (create, extend, delete, re-authorize), newest first, as the server sends them. */
export function ChannelAuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No recorded actions yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="channel-audit">
      {entries.map((entry) => (
        <Timeline.Item key={entry.id} title={<Text size="sm" fw={500}>{ACTION_LABELS[entry.action]}</Text>}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.createdAt)} · {entry.actor ? entry.actor.email : 'System'}
            </Text>
            {entry.reason && (
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {entry.reason}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
