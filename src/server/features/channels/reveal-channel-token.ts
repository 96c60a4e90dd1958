import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { channels } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { ChannelDeps } from './channel-deps';

/**
 * Admin → Channels "Copy token" (spec 004): the one place a channel token leaves the server. Lists show only its
 * last four characters; the whole token is sent on an explicit request by an admin, and every reveal is audited.
 */
export async function revealChannelToken(deps: ChannelDeps, actor: Actor, channelId: string): Promise<string> {
  const [channel] = await deps.db
    .select({ id: channels.id, name: channels.name, tokenSealed: channels.tokenSealed })
    .from(channels)
    .where(and(eq(channels.id, channelId), isNull(channels.deletedAt)));
  if (!channel) throw notFound('Channel');
  await recordAudit(deps.db, actor, { action: 'channel.token_reveal', target: { type: 'channel', id: channel.id, label: channel.name } });
  return deps.box.open(channel.tokenSealed);
}
