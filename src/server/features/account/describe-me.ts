import type { Me } from '../../../contracts/auth';
import { accountStatus, effectiveLimits, effectivePages, serviceState } from '../../../domain/access';
import { daysRemaining } from '../../../domain/service-days';
import type { SessionUser } from '../auth/find-session';

export function describeMe(user: SessionUser, now: Date = new Date()): Me {
  const subscription = user.subscription;
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      status: accountStatus(user),
      createdAt: user.createdAt.toISOString(),
    },
    pages: effectivePages(user, now),
    subscription: subscription
      ? {
          planId: subscription.planId,
          planName: subscription.planName,
          status: subscription.status,
          state: serviceState(subscription, now),
          serviceEndsAt: subscription.serviceEndsAt?.toISOString() ?? null,
          daysRemaining: daysRemaining(subscription.serviceEndsAt, now),
        }
      : null,
    limits: effectiveLimits(subscription),
  };
}
