import { eq } from 'drizzle-orm';
import type { Lead, UpdateLeadBody } from '../../../contracts/leads';
import { notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { leads, plans } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { toLead } from './lead-row';

export interface UpdateLeadInput {
  actor: Actor;
  leadId: string;
  changes: UpdateLeadBody;
}

/** An admin moves a lead along (new → contacted → closed, or back) and keeps internal notes; audited. */
export async function updateLead(db: Db, { actor, leadId, changes }: UpdateLeadInput): Promise<Lead> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(leads).where(eq(leads.id, leadId)).for('update');
    if (!current) throw notFound('Lead');
    const next = {
      status: changes.status ?? current.status,
      notes: changes.notes === undefined ? current.notes : changes.notes || null,
    };
    const [updated] = await tx
      .update(leads)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(leads.id, current.id))
      .returning();

    const meta: Record<string, unknown> = {};
    if (next.status !== current.status) Object.assign(meta, { from: current.status, to: next.status });
    // Notes are internal text about a person: the audit says they changed, not what they say.
    if (next.notes !== current.notes) meta.notesChanged = true;
    if (Object.keys(meta).length > 0) {
      await recordAudit(tx, actor, {
        action: 'lead.update',
        target: { type: 'lead', id: current.id, label: `${current.name} <${current.email}>` },
        meta,
      });
    }

    const [plan] = updated!.planId
      ? await tx.select({ id: plans.id, name: plans.name }).from(plans).where(eq(plans.id, updated!.planId))
      : [];
    return toLead(updated!, plan ?? null);
  });
}
