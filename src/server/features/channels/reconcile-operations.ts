import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { AppError } from '../../app-error';
import { channelOperations, channels } from '../../db/schema/index';
import { isWhapiError, type WhapiChannel } from '../../integrations/whapi/index';
import { loadWhapiSettings } from '../whapi/whapi-settings-row';
import { withPartnerClient } from '../whapi/with-partner-client';
import type { ChannelDeps } from './channel-deps';
import { failOperation, type OperationRow } from './channel-operations';
import { commitDelete } from './commit-delete';
import { commitExtend } from './commit-extend';
import { extendLanded } from './extend-channel';
import { switchToLive } from './switch-to-live';

export interface ReconcileReport {
  repaired: string[];
  reverted: string[];
  pending: string[];
  switchedToLive: string[];
}

const SYSTEM = { userId: null, ip: null };
const REVERTED_MESSAGE = 'This change did not go through at WHAPI and was undone; nothing was charged or refunded.';

/**
 * QUALITY L8: finishes or reverts operations a crash left `started`, from WHAPI's own state — an extend landed
 * when the channel's `activeTill` moved by its days since we read it (our operation id is in WHAPI's comment
 * for a person to check), a delete landed when WHAPI no longer knows the channel, and a half-made channel is
 * deleted again. Operations younger than `olderThanSeconds` may still be running and are left alone.
 */
export async function reconcileChannelOperations(deps: ChannelDeps, options: { olderThanSeconds: number }): Promise<ReconcileReport> {
  const report: ReconcileReport = { repaired: [], reverted: [], pending: [], switchedToLive: [] };
  const cutoff = new Date(Date.now() - options.olderThanSeconds * 1000);
  const stale = await deps.db
    .select()
    .from(channelOperations)
    .where(and(eq(channelOperations.state, 'started'), lt(channelOperations.createdAt, cutoff)))
    .orderBy(channelOperations.createdAt);
  for (const op of stale) {
    try {
      const outcome = op.kind === 'extend' ? await settleExtend(deps, op) : op.kind === 'delete' ? await settleDelete(deps, op) : await settleCreate(deps, op);
      report[outcome].push(op.id);
    } catch (error) {
      deps.log.warn({ err: error, operationId: op.id, kind: op.kind }, 'reconciler could not settle an operation yet');
      report.pending.push(op.id);
    }
  }
  report.switchedToLive = await finishTrialSwitches(deps);
  if (report.repaired.length + report.reverted.length > 0) deps.log.info({ ...report }, 'reconciled channel operations');
  return report;
}

type Outcome = 'repaired' | 'reverted';

async function readChannel(deps: ChannelDeps, channelRef: string): Promise<WhapiChannel | null> {
  try {
    return await withPartnerClient(deps, (client) => client.getChannel(channelRef));
  } catch (error) {
    if (isWhapiError(error) && error.kind === 'not_found') return null;
    throw error;
  }
}

async function settleExtend(deps: ChannelDeps, op: OperationRow): Promise<Outcome> {
  const request = op.request as { channelRef: string; activeTillBefore?: string | null; auto?: string | null };
  // No "before" reading means the crash came before WHAPI was asked to extend.
  if (!('activeTillBefore' in request)) return revert(deps, op, 'WHAPI was never asked to extend');
  const now = await readChannel(deps, request.channelRef);
  const before = request.activeTillBefore ? new Date(request.activeTillBefore) : null;
  if (!now || !extendLanded(before, now.activeTill, op.days!)) return revert(deps, op, 'WHAPI did not extend the channel');
  await commitExtend(deps, op, { state: 'repaired', actor: { ...SYSTEM, userId: op.actorId }, auto: request.auto ?? null });
  return 'repaired';
}

async function settleDelete(deps: ChannelDeps, op: OperationRow): Promise<Outcome> {
  const request = op.request as { channelRef: string };
  const now = await readChannel(deps, request.channelRef);
  if (now) return revert(deps, op, 'WHAPI still has the channel');
  await commitDelete(deps, op, { state: 'repaired', actor: { ...SYSTEM, userId: op.actorId }, whapiStatus: 404, whapiBodySha256: null });
  return 'repaired';
}

/** A create never stored locally: delete what WHAPI made for it, so no orphan channel keeps costing days. */
async function settleCreate(deps: ChannelDeps, op: OperationRow): Promise<Outcome> {
  const request = op.request as { name: string };
  const knownRef = (op.result as { channelRef?: string } | null)?.channelRef ?? null;
  let refs: string[];
  if (knownRef) refs = [knownRef];
  else {
    // The crash came before we noted WHAPI's answer: look for a channel of that name made since, that we don't know.
    const settings = await loadWhapiSettings(deps.db, deps.box);
    const listed = await withPartnerClient(deps, (client) => client.listChannels(settings.projectId ?? undefined));
    const since = op.createdAt.getTime() - 60_000;
    const candidates = listed.filter((c) => c.name === request.name && c.createdAt.getTime() >= since).map((c) => c.id);
    const ours = candidates.length
      ? await deps.db.select({ ref: channels.channelRef }).from(channels).where(inArray(channels.channelRef, candidates))
      : [];
    refs = candidates.filter((ref) => !ours.some((o) => o.ref === ref));
  }
  for (const ref of refs) await withPartnerClient(deps, (client) => client.deleteChannel(ref));
  return revert(deps, op, refs.length ? `deleted ${refs.length} unfinished channel(s) at WHAPI` : 'WHAPI made no channel');
}

async function revert(deps: ChannelDeps, op: OperationRow, why: string): Promise<Outcome> {
  await failOperation(deps.db, op, new AppError('CONFLICT', REVERTED_MESSAGE), 'reverted');
  deps.log.info({ operationId: op.id, kind: op.kind, why }, 'reverted an unfinished channel operation');
  return 'reverted';
}

/** Channels with paid days still in WHAPI's trial mode (a mode change that failed after an extend). */
async function finishTrialSwitches(deps: ChannelDeps): Promise<string[]> {
  const trial = await deps.db
    .select({ id: channels.id, ref: channels.channelRef })
    .from(channels)
    .where(and(eq(channels.mode, 'trial'), eq(channels.status, 'active'), isNull(channels.deletedAt)));
  const switched: string[] = [];
  for (const channel of trial) if (await switchToLive(deps, channel.id, channel.ref)) switched.push(channel.id);
  return switched;
}
