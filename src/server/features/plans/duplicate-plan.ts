import { eq } from 'drizzle-orm';
import type { Plan } from '../../../contracts/plans';
import { notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { planColumns, planInputOf, toPlan } from './plan-row';

const NAME_MAX = 80;
const SORT_MAX = 10_000;

/** "<name> (copy)": a draft with the same settings, placed right after the original. */
export async function duplicatePlan(db: Db, { actor, planId }: { actor: Actor; planId: string }): Promise<Plan> {
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!source) throw notFound('Plan');
    const input = planInputOf(source);
    const [row] = await tx
      .insert(plans)
      .values({
        ...planColumns(input),
        name: copyName(source.name),
        sortOrder: Math.min(source.sortOrder + 1, SORT_MAX),
        status: 'draft',
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'plan.duplicate',
      target: { type: 'plan', id: row!.id, label: row!.name },
      meta: { sourceId: source.id, sourceName: source.name },
    });
    return toPlan(row!, 0);
  });
}

// The copy must stay editable with the same rules as any plan, so it keeps within the name's length limit.
function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
}
