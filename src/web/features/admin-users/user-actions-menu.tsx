import { ActionIcon, Menu } from '@mantine/core';
import {
  IconAdjustments,
  IconBan,
  IconCalendarMinus,
  IconCalendarPlus,
  IconDots,
  IconEye,
  IconLayoutGrid,
  IconLockOpen,
  IconPencil,
} from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { AdminUserRow } from '../../../contracts/admin-users';
import { useSession } from '../../app/session-context';

export type UserAction = 'edit' | 'addDays' | 'removeDays' | 'limits' | 'pages' | 'ban' | 'unban';

/** The row actions of spec 004 §3: View, Edit, +Days / −Days, Adjust Limits, Page Access Override, Ban / Unban. */
export function UserActionsMenu({ user, onAction }: { user: AdminUserRow; onAction: (action: UserAction, user: AdminUserRow) => void }) {
  const navigate = useNavigate();
  const me = useSession();
  const isSelf = user.id === me.user.id;
  const hasPlan = user.plan !== null;
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.email}`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconEye size={16} />} onClick={() => void navigate({ to: '/admin/users/$userId', params: { userId: user.id } })}>
          View
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onAction('edit', user)}>
          Edit
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconCalendarPlus size={16} />} onClick={() => onAction('addDays', user)} disabled={!hasPlan}>
          +Days
        </Menu.Item>
        <Menu.Item
          leftSection={<IconCalendarMinus size={16} />}
          onClick={() => onAction('removeDays', user)}
          disabled={!hasPlan || user.daysRemaining === 0}
        >
          −Days
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconAdjustments size={16} />} onClick={() => onAction('limits', user)}>
          Adjust limits
        </Menu.Item>
        <Menu.Item leftSection={<IconLayoutGrid size={16} />} onClick={() => onAction('pages', user)}>
          Page access override
        </Menu.Item>
        {!isSelf && <Menu.Divider />}
        {!isSelf &&
          (user.status === 'banned' ? (
            <Menu.Item leftSection={<IconLockOpen size={16} />} color="teal" onClick={() => onAction('unban', user)}>
              Unban
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconBan size={16} />} color="red" onClick={() => onAction('ban', user)}>
              Ban
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
