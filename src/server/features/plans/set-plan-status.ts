import { eq } from 'drizzle-orm';
import type { AuditAction } from '../../../contracts/audit';
import type { Plan } from '../../../contracts/plans';
import { publishProblems, type PlanStatus } from '../../../domain/plans';
import { AppError, invalid } from '../../app-error';
import type { Db } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { describePlan, requirePlanForUpdate } from './find-plan';
import { planInputOf, type PlanRow } from './plan-row';

export const PLAN_STATUS_ACTIONS = ['publish', 'unpublish', 'archive', 'unarchive'] as const;
export type PlanStatusAction = (typeof PLAN_STATUS_ACTIONS)[number];

/**
 * Where each action takes a plan from a given status; `null` = nothing to do (the call is answered with the plan
 * as it is and audits nothing). Archived plans keep their subscribers and leave every pricing page.
 */
function nextStatus(action: PlanStatusAction, row: PlanRow): PlanStatus | null {
  switch (action) {
    case 'publish': {
      if (row.status === 'archived') throw new AppError('CONFLICT', 'Unarchive the plan first.');
      if (row.status === 'published') return null;
      const problems = publishProblems(planInputOf(row));
      if (Object.keys(problems).length > 0) throw invalid(problems, 'Complete the plan before publishing it.');
      return 'published';
    }
    case 'unpublish':
      return row.status === 'published' ? 'draft' : null;
    case 'archive':
      return row.status === 'archived' ? null : 'archived';
    case 'unarchive':
      return row.status === 'archived' ? 'draft' : null;
  }
}

const AUDIT: Record<PlanStatusAction, AuditAction> = {
  publish: 'plan.publish',
  unpublish: 'plan.unpublish',
  archive: 'plan.archive',
  unarchive: 'plan.unarchive',
};

export interface SetPlanStatusInput {
  actor: Actor;
  planId: string;
  action: PlanStatusAction;
}

/** Publish, unpublish, archive or unarchive one plan; the row lock makes concurrent calls take turns. */
export async function setPlanStatus(db: Db, { actor, planId, action }: SetPlanStatusInput): Promise<Plan> {
  return db.transaction(async (tx) => {
    const row = await requirePlanForUpdate(tx, planId);
    const status = nextStatus(action, row);
    if (status === null) return describePlan(tx, row);
    const [updated] = await tx
      .update(plans)
      .set({ status, updatedAt: new Date() })
      .where(eq(plans.id, row.id))
      .returning();
    await recordAudit(tx, actor, {
      action: AUDIT[action],
      target: { type: 'plan', id: row.id, label: row.name },
      meta: { from: row.status, to: status },
    });
    return describePlan(tx, updated!);
  });
}
