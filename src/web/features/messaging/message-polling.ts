import type { Campaign, OutboxMessage } from '../../../contracts/messaging';

/** How often a screen re-reads while something it shows is still moving. */
export const POLL_MS = 3_000;

/**
 * A message may stay "sent" for ever (the recipient's phone is off, or they never open WhatsApp), so a screen
 * watches a sent message for delivery only this long after it was sent rather than polling for as long as it is open.
 */
export const SENT_WATCH_MS = 10 * 60_000;

type Watched = Pick<OutboxMessage, 'status' | 'sentAt' | 'createdAt'>;

/** True while the message's status can still change soon: queued, being sent, or sent a short while ago. */
export function isMessageSettling(message: Watched, now: number = Date.now()): boolean {
  if (message.status === 'queued' || message.status === 'sending') return true;
  if (message.status !== 'sent') return false;
  return now - Date.parse(message.sentAt ?? message.createdAt) < SENT_WATCH_MS;
}

export function hasSettlingMessages(messages: readonly Watched[] | undefined, now: number = Date.now()): boolean {
  return messages?.some((message) => isMessageSettling(message, now)) ?? false;
}

export function hasRunningCampaigns(campaigns: readonly Pick<Campaign, 'status'>[] | undefined): boolean {
  return campaigns?.some((campaign) => campaign.status === 'running') ?? false;
}
