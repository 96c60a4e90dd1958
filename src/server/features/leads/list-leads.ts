import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { LeadPage, LeadQuery } from '../../../contracts/leads';
import type { Db } from '../../db/connect';
import { leads, plans } from '../../db/schema/index';
import { toLead } from './lead-row';

/** Admin → Leads: newest first, filtered by status, kind and free text (name, email, phone, company). */
export async function listLeads(db: Db, query: LeadQuery): Promise<LeadPage> {
  const where = buildFilter(query);
  const [rows, [count]] = await Promise.all([
    db
      .select({ lead: leads, planName: plans.name })
      .from(leads)
      .leftJoin(plans, eq(plans.id, leads.planId))
      .where(where)
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(leads).where(where),
  ]);
  return {
    items: rows.map(({ lead, planName }) => toLead(lead, lead.planId && planName !== null ? { id: lead.planId, name: planName } : null)),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function buildFilter(query: LeadQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.status) conditions.push(eq(leads.status, query.status));
  if (query.kind) conditions.push(eq(leads.kind, query.kind));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(leads.name, pattern),
        ilike(leads.email, pattern),
        ilike(leads.phone, pattern),
        ilike(leads.company, pattern),
        // A notification links to /admin/leads?id=…; the page searches by that id.
        eq(leads.id, query.q),
      ),
    );
  }
  return and(...conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
