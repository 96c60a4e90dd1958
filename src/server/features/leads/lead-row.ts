import type { Lead } from '../../../contracts/leads';
import type { leads } from '../../db/schema/index';

export type LeadRow = typeof leads.$inferSelect;

export function toLead(row: LeadRow, plan: { id: string; name: string } | null): Lead {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    plan,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    message: row.message,
    preferredAt: row.preferredAt?.toISOString() ?? null,
    notes: row.notes,
    userId: row.userId,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
