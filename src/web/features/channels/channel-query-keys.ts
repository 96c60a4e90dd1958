// The keys of the channel queries, in a module of their own: the app shell's event stream invalidates them, and
// must not pull the channel screens (and their phone-number metadata) into every page's first load.

/** Every user-side channel query lives under this key (list, health), so one invalidation refreshes them all. */
export const channelsQueryKey = ['channels'] as const;

/** The same for the admin console's channel queries (list, details, delete preview, health). */
export const ADMIN_CHANNELS_QUERY_KEY = ['admin', 'channels'] as const;
