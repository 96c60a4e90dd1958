import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../../contracts/audit';
import type { AdminChannelDetails } from '../../../contracts/channels';
import { auditLog, balanceTransactions, users, webhookEvents } from '../../db/schema/index';
import { readMainBalance } from '../balances/change-main-balance';
import { loadWhapiSettings } from '../whapi/whapi-settings-row';
import { refundDaysAt } from './channel-clock';
import type { ChannelDeps } from './channel-deps';
import { requireChannelView, toAdminChannel } from './channel-row';
import { channelWebhookUrl } from './channel-whapi';

/** The admin details drawer: the channel, its link health, our webhook URL, counters and the last 5 audit rows. */
export async function describeAdminChannel(deps: Pick<ChannelDeps, 'db' | 'box' | 'appUrl'>, channelId: string): Promise<AdminChannelDetails> {
  const view = await requireChannelView(deps.db, channelId, null);
  const { channel } = view;
  const [settings, [events], [ledger], audit, mainBalanceDays] = await Promise.all([
    loadWhapiSettings(deps.db, deps.box),
    deps.db
      .select({
        total: sql<number>`count(*)::int`,
        messages: sql<number>`count(*) FILTER (WHERE ${webhookEvents.eventType} LIKE 'messages.%')::int`,
        statuses: sql<number>`count(*) FILTER (WHERE ${webhookEvents.eventType} LIKE 'statuses.%')::int`,
      })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.source, 'whapi_channel'), eq(webhookEvents.subjectRef, channel.channelRef))),
    deps.db
      .select({ days: sql<number>`coalesce(sum(${balanceTransactions.days}), 0)::int`, count: sql<number>`count(*)::int` })
      .from(balanceTransactions)
      .where(and(eq(balanceTransactions.type, 'allocate'), eq(balanceTransactions.channelId, channel.id))),
    deps.db
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.targetType, 'channel'), eq(auditLog.targetId, channel.id)))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(5),
    readMainBalance(deps.db),
  ]);
  const now = new Date();
  return {
    channel: toAdminChannel(view, deps.box, now),
    lastHealth: channel.lastHealth,
    lastMessageAt: channel.lastMessageAt?.toISOString() ?? null,
    webhookUrl: channelWebhookUrl(deps.appUrl, channel.channelRef, deps.box.open(settings.webhookSecretSealed)),
    webhookRegisteredAt: channel.webhookRegisteredAt?.toISOString() ?? null,
    webhookError: channel.webhookError,
    counters: {
      eventsReceived: events?.total ?? 0,
      messagesReceived: events?.messages ?? 0,
      statusesReceived: events?.statuses ?? 0,
      daysAllocated: ledger?.days ?? 0,
      extensions: ledger?.count ?? 0,
    },
    recentAudit: audit.map(({ entry, actorName, actorEmail }) => ({
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
    mainBalanceDays,
    refundDays: refundDaysAt(channel.expiresAt, now),
  };
}
