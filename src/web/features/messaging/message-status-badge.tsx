import { Badge, Tooltip } from '@mantine/core';
import type { MessageStatus } from '../../../contracts/messaging';
import { MESSAGE_STATUS_COLORS, MESSAGE_STATUS_LABELS } from './messaging-labels';

/** A message's status; a failed one explains itself (WHAPI's reason) on hover and focus. */
export function MessageStatusBadge({ status, error }: { status: MessageStatus; error?: string | null }) {
  const badge = (
    <Badge
      variant="light"
      color={MESSAGE_STATUS_COLORS[status]}
      data-testid="message-status"
      tabIndex={error ? 0 : undefined}
      // Mantine ellipsizes badge labels; in an auto-sized table column that would cut the label short.
      styles={{ label: { overflow: 'visible' } }}
    >
      {MESSAGE_STATUS_LABELS[status]}
    </Badge>
  );
  if (!error) return badge;
  return (
    <Tooltip label={error} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
