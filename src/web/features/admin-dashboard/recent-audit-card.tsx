import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { AuditEntry } from '../../../contracts/audit';
import { AnchorLink } from '../../components/router-links';
import { ACTION_LABELS, actionColor, missingActorLabel } from '../admin-audit/action-labels';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The last critical actions: who did what to whom, and when. */
export function RecentAuditCard({ entries }: { entries: AuditEntry[] }) {
  return (
    <Card component="section" aria-labelledby="recent-audit-title" data-testid="recent-audit">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="recent-audit-title">
          Recent activity
        </Title>
        <AnchorLink to="/admin/audit" size="sm">
          Open audit log
        </AnchorLink>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      ) : (
        <Stack gap={0}>
          {entries.map((entry) => (
            <Stack key={entry.id} gap={2} py={8} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Badge size="sm" variant="light" color={actionColor(entry.action)} styles={{ label: { overflow: 'visible' } }}>
                  {ACTION_LABELS[entry.action]}
                </Badge>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={entry.createdAt}>{dateTime.format(new Date(entry.createdAt))}</time>
                </Text>
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {entry.actor ? entry.actor.email : missingActorLabel(entry.action)}
                {entry.targetLabel ? ` → ${entry.targetLabel}` : ''}
                {entry.reason ? ` · ${entry.reason}` : ''}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
