// Every messaging query lives under one key, so a send, a new campaign or a pause refreshes Send, Bulk and
// Outbox together with one invalidation (a message sent here is counted in the usage and listed everywhere).
export const messagingQueryKey = ['messaging'] as const;

export const sendOptionsQueryKey = [...messagingQueryKey, 'send-options'] as const;
export const bulkOptionsQueryKey = [...messagingQueryKey, 'bulk-options'] as const;
export const campaignsQueryKey = [...messagingQueryKey, 'campaigns'] as const;
export const outboxQueryKey = [...messagingQueryKey, 'outbox'] as const;

export function campaignQueryKey(id: string) {
  return [...messagingQueryKey, 'campaign', id] as const;
}
