import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCalendarMinus, IconCalendarPlus, IconChevronDown, IconLockOpen, IconShieldCheck, IconUser } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AdminUserRow } from '../../../contracts/admin-users';
import { useSession } from '../../app/session-context';
import { ConfirmModal } from '../../components/confirm-modal';
import { GuardedButton } from '../../components/guarded-button';
import { UserDialogs, type OpenDialog } from './user-dialogs';
import { useSetRole } from './user-mutations';

const NO_PLAN = 'The user has no plan yet. Days can be added once they subscribe.';

/** +Days / −Days, Ban / Unban and the role, at the top of the details page. */
export function UserHeaderActions({ user }: { user: AdminUserRow }) {
  const me = useSession();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [roleOpen, setRoleOpen] = useState(false);
  const setRole = useSetRole();
  const { reset } = setRole;
  useEffect(() => reset(), [roleOpen, reset]);
  const isSelf = user.id === me.user.id;
  const nextRole = user.role === 'admin' ? 'user' : 'admin';
  const open = (action: OpenDialog['action']) => setDialog({ action, user });

  return (
    <Group gap="xs">
      <GuardedButton leftSection={<IconCalendarPlus size={16} />} color="teal" blockedReason={user.plan ? null : NO_PLAN} onClick={() => open('addDays')}>
        +Days
      </GuardedButton>
      <GuardedButton
        leftSection={<IconCalendarMinus size={16} />}
        variant="light"
        color="orange"
        blockedReason={!user.plan ? NO_PLAN : user.daysRemaining === 0 ? 'No days left to remove.' : null}
        onClick={() => open('removeDays')}
      >
        −Days
      </GuardedButton>
      {!isSelf && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={14} />}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={nextRole === 'admin' ? <IconShieldCheck size={16} /> : <IconUser size={16} />} onClick={() => setRoleOpen(true)}>
              {nextRole === 'admin' ? 'Make admin' : 'Make regular user'}
            </Menu.Item>
            {user.status === 'banned' ? (
              <Menu.Item leftSection={<IconLockOpen size={16} />} color="teal" onClick={() => open('unban')}>
                Unban user
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconBan size={16} />} color="red" onClick={() => open('ban')}>
                Ban user
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      <UserDialogs open={dialog} onClose={() => setDialog(null)} />
      <ConfirmModal
        error={setRole.error}
        opened={roleOpen}
        title={nextRole === 'admin' ? 'Make admin' : 'Make regular user'}
        confirmLabel={nextRole === 'admin' ? 'Make admin' : 'Make regular user'}
        color={nextRole === 'admin' ? 'grape' : 'blue'}
        loading={setRole.isPending}
        onClose={() => setRoleOpen(false)}
        onConfirm={() =>
          setRole.mutate(
            { id: user.id, role: nextRole },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `${user.name} is now ${nextRole === 'admin' ? 'an admin' : 'a regular user'}.` });
                setRoleOpen(false);
              },
            },
          )
        }
      >
        <Text size="sm">
          {nextRole === 'admin'
            ? `${user.name} gets the whole admin console: users, plans, payments, channels and settings.`
            : `${user.name} loses the admin console at once and keeps only the pages of their plan.`}
        </Text>
      </ConfirmModal>
    </Group>
  );
}
