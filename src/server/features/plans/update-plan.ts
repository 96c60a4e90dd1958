import { eq } from 'drizzle-orm';
import type { Plan, PlanInput } from '../../../contracts/plans';
import { publishProblems } from '../../../domain/plans';
import { invalid } from '../../app-error';
import type { Db } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { describePlan, requirePlanForUpdate } from './find-plan';
import { planChanges } from './plan-changes';
import { planColumns, planInputOf } from './plan-row';

export interface UpdatePlanInput {
  actor: Actor;
  planId: string;
  input: PlanInput;
}

/**
 * Edits a plan in any status. A published plan must stay publishable, so customers never see an incomplete card.
 * Only the plan row changes: subscribers and their overrides are left exactly as they are (DOMAIN.md "Plans").
 */
export async function updatePlan(db: Db, { actor, planId, input }: UpdatePlanInput): Promise<Plan> {
  return db.transaction(async (tx) => {
    const before = await requirePlanForUpdate(tx, planId);
    if (before.status === 'published') {
      const problems = publishProblems(input);
      if (Object.keys(problems).length > 0) {
        throw invalid(problems, 'A published plan must stay complete. Correct the highlighted fields or unpublish it first.');
      }
    }
    const columns = planColumns(input);
    // Compared as stored (e.g. an empty PayPal id is stored as null), so saving an unchanged form audits nothing.
    const changed = planChanges(planInputOf(before), planInputOf({ ...before, ...columns }));
    if (Object.keys(changed).length === 0) return describePlan(tx, before);
    const [after] = await tx
      .update(plans)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(plans.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'plan.update',
      target: { type: 'plan', id: before.id, label: after!.name },
      meta: { changed },
    });
    return describePlan(tx, after!);
  });
}
