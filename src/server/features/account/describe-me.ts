import type { Me } from '../../../contracts/auth';
import { accountStatus, effectivePages } from '../../../domain/access';
import type { SessionUser } from '../auth/find-session';

export function describeMe(user: SessionUser): Me {
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      status: accountStatus(user),
      createdAt: user.createdAt.toISOString(),
    },
    pages: effectivePages(user),
  };
}
