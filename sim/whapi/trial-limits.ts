import { SimHttpError } from './api-error';
import type { ChannelRecord, TrialUsage } from './state';

/** Trial and Sandbox (`dev`) channels share these limits (NOTES §A12); exceeding one gives 402. Requests per month are
 *  counted and reported by GET /limits but not enforced: WHAPI doesn't say which calls count. */
export const TRIAL_LIMITS = { messagesPerDay: 150, chatsPerMonth: 5, requestsPerMonth: 1000, checks: 100 };

export const isLimitedMode = (channel: ChannelRecord): boolean => channel.mode !== 'live';

const dayKey = (now: number) => new Date(now).toISOString().slice(0, 10);
const monthKey = (now: number) => new Date(now).toISOString().slice(0, 7);

export const freshUsage = (now: number): TrialUsage => ({
  day: dayKey(now),
  messagesToday: 0,
  month: monthKey(now),
  chatsThisMonth: [],
  requestsThisMonth: 0,
});

/** Rolls the counters over when the sim clock crosses into a new UTC day or month. */
function currentUsage(channel: ChannelRecord, now: number): TrialUsage {
  const usage = channel.usage;
  if (usage.day !== dayKey(now)) Object.assign(usage, { day: dayKey(now), messagesToday: 0 });
  if (usage.month !== monthKey(now)) Object.assign(usage, { month: monthKey(now), chatsThisMonth: [], requestsThisMonth: 0 });
  return usage;
}

export function countGateRequest(channel: ChannelRecord, now: number): void {
  currentUsage(channel, now).requestsThisMonth++;
}

/** Throws 402 if sending to `chatId` would break a trial limit; otherwise records the message. */
export function useTrialQuota(channel: ChannelRecord, chatId: string, now: number): void {
  if (!isLimitedMode(channel)) return;
  const usage = currentUsage(channel, now);
  if (usage.messagesToday >= TRIAL_LIMITS.messagesPerDay) {
    throw new SimHttpError(402, `Trial version limit exceeded: ${TRIAL_LIMITS.messagesPerDay} messages per day`);
  }
  const isNewChat = !usage.chatsThisMonth.includes(chatId);
  if (isNewChat && usage.chatsThisMonth.length >= TRIAL_LIMITS.chatsPerMonth) {
    throw new SimHttpError(402, `Trial version limit exceeded: ${TRIAL_LIMITS.chatsPerMonth} chats per month`);
  }
  usage.messagesToday++;
  if (isNewChat) usage.chatsThisMonth.push(chatId);
}

/** GET /limits: what is left this day/month; the chats already used this month. */
export function remainingLimits(channel: ChannelRecord, now: number) {
  const usage = currentUsage(channel, now);
  return {
    messages: Math.max(0, TRIAL_LIMITS.messagesPerDay - usage.messagesToday),
    // ChatID needs 10+ digits before the '@' (NOTES §11.8); a 9-digit recipient can't be listed.
    chats: usage.chatsThisMonth.filter((chatId) => /^[\d-]{10,31}@[\w.]+$/.test(chatId)),
    checks: TRIAL_LIMITS.checks,
    requests: Math.max(0, TRIAL_LIMITS.requestsPerMonth - usage.requestsThisMonth),
  };
}
