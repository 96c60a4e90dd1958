import type { AuditAction } from '../../../contracts/audit';
import type { DbOrTx } from '../../db/connect';
import { auditLog } from '../../db/schema/index';

/** Who did something, and from where: passed from the route to every use-case that audits. */
export interface Actor {
  userId: string | null;
  ip: string | null;
}

export interface AuditEntryInput {
  action: AuditAction;
  target?: { type: string; id: string | null; label?: string | null };
  reason?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * Writes one audit row. Call it with the transaction of the change it records, so the row exists if and only
 * if the change does (DOMAIN.md "Audit log"). Never put a secret in `meta` (QUALITY K2).
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    ip: actor.ip,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    reason: entry.reason ?? null,
    meta: entry.meta ?? {},
  });
}
