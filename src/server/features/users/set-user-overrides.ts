import { and, eq } from 'drizzle-orm';
import type { OverridesInput } from '../../../contracts/admin-users';
import { notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { subscriptions, users, type SubscriptionOverrides } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { recordAudit, type Actor } from '../audit/record-audit';

export interface OverridesView {
  limits: NonNullable<SubscriptionOverrides['limits']>;
  pageAccess: NonNullable<SubscriptionOverrides['pageAccess']>;
  requestType: NonNullable<SubscriptionOverrides['requestType']> | null;
  notes: string | null;
}

/**
 * Per-user overrides live on the current subscription and never touch the plan (spec 004 §3). A user without one
 * gets a pending subscription to hold them. The user's open tabs reload their navigation at once.
 */
export async function setUserOverrides(db: Db, actor: Actor, userId: string, input: OverridesInput): Promise<OverridesView> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw notFound('User');
    let [current] = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true)))
      .for('update');
    current ??= (await tx.insert(subscriptions).values({ userId, status: 'pending' }).returning())[0]!;

    const before = current.overrides;
    const after: SubscriptionOverrides = {
      limits: merge(before.limits, input.limits),
      pageAccess: merge(before.pageAccess, input.pageAccess),
      ...(input.requestType === undefined
        ? before.requestType && { requestType: before.requestType }
        : input.requestType && { requestType: input.requestType }),
    };
    const notes = input.notes === undefined ? current.notes : input.notes || null;
    await tx
      .update(subscriptions)
      .set({ overrides: after, notes, updatedAt: new Date() })
      .where(eq(subscriptions.id, current.id));
    await recordAudit(tx, actor, {
      action: 'user.overrides_update',
      target: { type: 'user', id: userId, label: user.email },
      meta: { subscriptionId: current.id, before, after, notesChanged: notes !== current.notes },
    });
    await publishUserEvent(tx, { userId, type: 'access.changed', data: {} });
    return { limits: after.limits ?? {}, pageAccess: after.pageAccess ?? {}, requestType: after.requestType ?? null, notes };
  });
}

/** Applies a patch where null removes a key (back to the plan's value) and absent keys stay. */
function merge<K extends string, V>(base: Partial<Record<K, V>> | undefined, patch: Partial<Record<K, V | null>> | undefined) {
  const result: Partial<Record<K, V>> = { ...base };
  for (const [key, value] of Object.entries(patch ?? {}) as [K, V | null][]) {
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}
