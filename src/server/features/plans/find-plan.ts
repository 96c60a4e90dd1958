import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Plan } from '../../../contracts/plans';
import { notFound } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import { plans, subscriptions } from '../../db/schema/index';
import { toPlan, type PlanRow } from './plan-row';

export const PLAN_ORDER = [asc(plans.sortOrder), asc(plans.createdAt), asc(plans.id)];

/**
 * The plan row, locked until the transaction ends: two admins changing one plan at once are served one after
 * the other, so each sees the other's result and no change is lost or audited twice.
 */
export async function requirePlanForUpdate(tx: DbOrTx, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id)).for('update');
  if (!row) throw notFound('Plan');
  return row;
}

/** Current subscriptions per plan (history rows are not subscribers). */
export async function countSubscribers(tx: DbOrTx, planIds: string[]): Promise<Map<string, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await tx
    .select({ planId: subscriptions.planId, n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.isCurrent, true), inArray(subscriptions.planId, planIds)))
    .groupBy(subscriptions.planId);
  return new Map(rows.map((r) => [r.planId!, r.n]));
}

export async function describePlans(tx: DbOrTx, rows: PlanRow[]): Promise<Plan[]> {
  const counts = await countSubscribers(tx, rows.map((r) => r.id));
  return rows.map((row) => toPlan(row, counts.get(row.id) ?? 0));
}

export async function describePlan(tx: DbOrTx, row: PlanRow): Promise<Plan> {
  const [plan] = await describePlans(tx, [row]);
  return plan!;
}
