import { asc, eq, inArray } from 'drizzle-orm';
import type { Plan } from '../../../contracts/plans';
import { invalid } from '../../app-error';
import type { Db } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { listPlans } from './list-plans';

const STEP = 10;

/**
 * Puts the listed plans in the given order (sort order = position × 10, leaving room to slot a plan between two).
 * Plans not listed keep their sort order. Returns every plan in its new order.
 */
export async function reorderPlans(db: Db, { actor, order }: { actor: Actor; order: string[] }): Promise<Plan[]> {
  return db.transaction(async (tx) => {
    const problems: Record<string, string> = {};
    order.forEach((id, index) => {
      if (order.indexOf(id) !== index) problems[`order.${index}`] = 'This plan is listed twice.';
    });
    // Locked in id order, so two reorders at once queue up instead of deadlocking.
    const rows = await tx
      .select({ id: plans.id, sortOrder: plans.sortOrder })
      .from(plans)
      .where(inArray(plans.id, order))
      .orderBy(asc(plans.id))
      .for('update');
    const current = new Map(rows.map((r) => [r.id, r.sortOrder]));
    order.forEach((id, index) => {
      if (!current.has(id)) problems[`order.${index}`] = 'Plan was not found.';
    });
    if (Object.keys(problems).length > 0) throw invalid(problems);

    const changed: Record<string, { from: number; to: number }> = {};
    for (const [index, id] of order.entries()) {
      const to = index * STEP;
      if (current.get(id) === to) continue;
      changed[id] = { from: current.get(id)!, to };
      await tx.update(plans).set({ sortOrder: to, updatedAt: new Date() }).where(eq(plans.id, id));
    }
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, actor, { action: 'plan.reorder', target: { type: 'plan', id: null }, meta: { order, changed } });
    }
    return listPlans(tx);
  });
}
