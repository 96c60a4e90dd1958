import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditPage, AuditQuery } from '../../../contracts/audit';
import type { Db } from '../../db/connect';
import { auditLog, users } from '../../db/schema/index';

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const where = buildFilter(query);
  const offset = (query.page - 1) * query.pageSize;
  const [rows, [count]] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(query.pageSize)
      .offset(offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where),
  ]);
  return {
    items: rows.map(({ entry, actorName, actorEmail }) => ({
      id: entry.id.toString(),
      createdAt: entry.createdAt.toISOString(),
      actor: entry.actorId ? { id: entry.actorId, name: actorName ?? '', email: actorEmail ?? '' } : null,
      action: entry.action as AuditAction,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetLabel,
      reason: entry.reason,
      meta: entry.meta,
      ip: entry.ip,
    })),
    total: count?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function buildFilter(query: AuditQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.actor) {
    const pattern = `%${escapeLike(query.actor)}%`;
    conditions.push(or(ilike(users.email, pattern), ilike(users.name, pattern), eq(auditLog.actorId, query.actor)));
  }
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.targetType) conditions.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) conditions.push(eq(auditLog.targetId, query.targetId));
  if (query.from) conditions.push(gte(auditLog.createdAt, new Date(query.from)));
  if (query.to) conditions.push(lte(auditLog.createdAt, new Date(query.to)));
  return and(...conditions);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
