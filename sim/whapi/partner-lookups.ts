import { SimHttpError } from './api-error';
import { DAY_MS } from './clock';
import type { SimContext } from './sim-context';
import type { ChannelRecord, ProjectRecord } from './state';

/** `default` is a valid ProjectID (spec pattern `^(?:[a-zA-Z0-9]{20}|default)$`): it names the default project. */
export function findProject(sim: SimContext, projectId: string): ProjectRecord | undefined {
  if (projectId === 'default') return [...sim.state.projects.values()].find((p) => p.isDefault);
  return sim.state.projects.get(projectId);
}

export function requireProject(sim: SimContext, projectId: string): ProjectRecord {
  const project = findProject(sim, projectId);
  if (!project) throw new SimHttpError(404, 'Specified project not found');
  return project;
}

export function requireChannel(sim: SimContext, channelId: string): ChannelRecord {
  const channel = sim.state.channels.get(channelId);
  if (!channel) throw new SimHttpError(404, 'Specified channel not found');
  return channel;
}

/** Whole paid days still ahead of the channel. Free trial days are never counted, and floor() never over-credits. */
export function unusedPaidDays(channel: ChannelRecord, now: number): number {
  const paidFrom = Math.max(now, channel.trial ?? now);
  return Math.max(0, Math.floor((channel.activeTill - paidFrom) / DAY_MS));
}

/** `count` (1–500, default 100) and `offset` (default 0) as both APIs page lists. */
export function page<T>(items: T[], query: Record<string, unknown>) {
  const count = typeof query.count === 'number' ? Math.floor(query.count) : 100;
  const offset = typeof query.offset === 'number' ? Math.floor(query.offset) : 0;
  const slice = items.slice(offset, offset + count);
  return { items: slice, count: slice.length, total: items.length, offset };
}

/** `uid` filters by owner; `me` (and no uid) means the partner itself. */
export const isOwnedBy = (sim: SimContext, uid: unknown): boolean =>
  uid === undefined || uid === 'me' || uid === sim.state.partner.ownerId;
