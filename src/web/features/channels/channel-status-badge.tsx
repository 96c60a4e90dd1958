import { Badge, type BadgeProps } from '@mantine/core';
import type { ChannelDisplayStatus } from '../../../contracts/channels';
import { DISPLAY_STATUS_COLORS, DISPLAY_STATUS_LABELS } from './channel-labels';

export function ChannelStatusBadge({ status, size = 'md' }: { status: ChannelDisplayStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge
      size={size}
      variant="light"
      color={DISPLAY_STATUS_COLORS[status]}
      data-testid="channel-status"
      // Mantine ellipsizes badge labels; in an auto-sized table column that would cut the label short.
      styles={{ label: { overflow: 'visible' } }}
    >
      {DISPLAY_STATUS_LABELS[status]}
    </Badge>
  );
}
