import type { Plan, PlanInput } from '../../../contracts/plans';
import type { Db } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { planColumns, planInputOf, toPlan } from './plan-row';

/** A new plan always starts as a draft: publishing is its own, validated step (DOMAIN.md "Plans"). */
export async function createPlan(db: Db, { actor, input }: { actor: Actor; input: PlanInput }): Promise<Plan> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...planColumns(input), status: 'draft' })
      .returning();
    await recordAudit(tx, actor, {
      action: 'plan.create',
      target: { type: 'plan', id: row!.id, label: row!.name },
      meta: { after: planInputOf(row!) },
    });
    return toPlan(row!, 0);
  });
}
