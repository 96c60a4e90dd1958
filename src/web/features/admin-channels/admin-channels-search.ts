import {
  CHANNEL_STATUSES,
  DISPLAY_STATUSES,
  type AdminChannelFilters,
  type ChannelDisplayStatus,
  type ChannelStatus,
} from '../../../contracts/channels';

/** Admin → Channels filters as they live in the URL, so reload and the back button keep the place. */
export interface AdminChannelsSearch {
  page?: number;
  q?: string;
  status?: ChannelDisplayStatus;
  billing?: ChannelStatus;
  /** One user's channels (set from a row's user, or linked from elsewhere in the console). */
  userId?: string;
}

export const ADMIN_CHANNELS_PAGE_SIZE = 25;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

export function parseAdminChannelsSearch(search: Record<string, unknown>): AdminChannelsSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: text(search.q, 200),
    status: DISPLAY_STATUSES.find((known) => known === search.status),
    billing: CHANNEL_STATUSES.find((known) => known === search.billing),
    userId: text(search.userId, 64),
  };
}

export function toAdminChannelQuery(search: AdminChannelsSearch): AdminChannelFilters {
  return {
    page: search.page ?? 1,
    pageSize: ADMIN_CHANNELS_PAGE_SIZE,
    search: search.q,
    status: search.status,
    billing: search.billing,
    userId: search.userId,
  };
}
