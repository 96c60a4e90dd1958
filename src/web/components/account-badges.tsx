import { Badge, type BadgeProps } from '@mantine/core';
import type { MeUser } from '../../contracts/auth';

type Size = BadgeProps['size'];

export function RoleBadge({ role, size = 'sm' }: { role: MeUser['role']; size?: Size }) {
  return (
    <Badge size={size} variant="light" color={role === 'admin' ? 'grape' : 'blue'}>
      {role === 'admin' ? 'Admin' : 'User'}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: MeUser['status']; size?: Size }) {
  return (
    <Badge size={size} variant="dot" color={status === 'active' ? 'teal' : 'red'}>
      {status === 'active' ? 'Active' : 'Suspended'}
    </Badge>
  );
}
