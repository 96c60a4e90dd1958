import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/find-session';
import { requireLimit } from './require-limit';

const user = (channels: number, override?: number): SessionUser => ({
  id: 'u',
  name: 'U',
  email: 'u@example.com',
  role: 'user',
  banned: false,
  createdAt: new Date(),
  subscription: {
    id: 's',
    planId: 'p',
    planName: 'Starter',
    daysTotal: 30,
    status: 'active',
    serviceEndsAt: new Date(Date.now() + 86_400_000),
    plan: { limits: { daily: 5, bulk: 5, channels, chatbots: 0 }, pageAccess: {}, requestType: 'paid' },
    overrides: override === undefined ? {} : { limits: { channels: override } },
  },
});

describe('requireLimit', () => {
  it('refuses a second channel on a one-channel plan with the exact message', () => {
    expect(() => requireLimit(user(1), 'channels', 0)).not.toThrow();
    expect(() => requireLimit(user(1), 'channels', 1)).toThrow('Channel limit reached for your plan.');
  });

  it('follows an override over the plan, and -1 is unlimited', () => {
    expect(() => requireLimit(user(1, 3), 'channels', 2)).not.toThrow();
    expect(() => requireLimit(user(1, -1), 'channels', 10_000)).not.toThrow();
    expect(() => requireLimit(user(5, 0), 'channels', 0)).toThrow('Channel limit reached for your plan.');
  });

  it('refuses everything without a plan', () => {
    expect(() => requireLimit({ ...user(1), subscription: null }, 'daily', 0)).toThrow('Daily message limit reached for your plan.');
  });
});
