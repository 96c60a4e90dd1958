import type { Plan } from '../../../contracts/plans';
import type { DbOrTx } from '../../db/connect';
import { plans } from '../../db/schema/index';
import { describePlans, PLAN_ORDER } from './find-plan';

/** Admin → Plans: every plan, archived ones included, in the order customers see them. */
export async function listPlans(db: DbOrTx): Promise<Plan[]> {
  return describePlans(db, await db.select().from(plans).orderBy(...PLAN_ORDER));
}
