import { Badge, Tooltip } from '@mantine/core';
import type { UserStatus } from '../../../contracts/admin-users';
import { USER_STATUS_COLORS, USER_STATUS_LABELS } from './user-labels';

/** Active / Expired / Banned (with the reason on hover) / No plan. */
export function UserStatusBadge({ status, banReason }: { status: UserStatus; banReason?: string | null }) {
  const badge = (
    <Badge
      variant="light"
      color={USER_STATUS_COLORS[status]}
      data-testid="user-status"
      styles={{ label: { overflow: 'visible' } }}
      tabIndex={status === 'banned' ? 0 : undefined}
    >
      {USER_STATUS_LABELS[status]}
    </Badge>
  );
  if (status !== 'banned') return badge;
  return (
    <Tooltip label={banReason ? `Reason: ${banReason}` : 'No reason given'} multiline maw={280} withArrow>
      {badge}
    </Tooltip>
  );
}
