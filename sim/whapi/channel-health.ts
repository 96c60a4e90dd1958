import { SECOND_MS, toUnixSeconds } from './clock';
import { emitGateEvent } from './gate-events';
import type { SimContext } from './sim-context';
import type { ChannelRecord, HealthText } from './state';

/** The gate instance's life (NOTES §B1): INIT (server starting) → LAUNCH (connecting) → QR (waiting for a scan) →
 *  AUTH (linked), and STOP once the partner stopped it or its days ran out. Real boots take 40–50 s; ours take two
 *  seconds of sim time so clients see every state without slowing tests down. */
export const BOOT_INIT_MS = 1000;
export const BOOT_LAUNCH_MS = 1000;
const BOOT_MS = BOOT_INIT_MS + BOOT_LAUNCH_MS;

// INIT=1, LAUNCH=2, QR=3, ERROR=5 are documented; AUTH=4 is inferred; the rest continue the enum order (§10.7).
export const HEALTH_CODES: Record<HealthText, number> = {
  NOT_INIT: 0, INIT: 1, LAUNCH: 2, QR: 3, AUTH: 4, ERROR: 5, SYNC_ERROR: 6, STOP: 7,
};
export const SIM_VERSION = '1.8.7';

export const isExpired = (channel: ChannelRecord, now: number): boolean => now >= channel.activeTill;

export function currentHealth(channel: ChannelRecord, now: number): HealthText {
  if (channel.stopped || isExpired(channel, now)) return 'STOP';
  if (channel.launchedAt === null || now - channel.launchedAt < BOOT_INIT_MS) return 'INIT';
  if (now - channel.launchedAt < BOOT_MS) return 'LAUNCH';
  return channel.user ? 'AUTH' : 'QR';
}

/** `wakeup=true` (the default on /health and /users/login) launches an instance that isn't running yet. */
export function wake(channel: ChannelRecord, now: number): void {
  if (channel.launchedAt === null) channel.launchedAt = now;
}

/** Asking for a QR (or linking) can't wait for the boot: the instance is brought straight to QR/AUTH. */
export function finishBoot(channel: ChannelRecord, now: number): void {
  channel.launchedAt = Math.min(channel.launchedAt ?? now, now - BOOT_MS);
}

/** Restart, mode change (§A8: "the channel restarts"), revival after an extend. */
export function relaunch(channel: ChannelRecord, now: number): void {
  channel.launchedAt = now;
  channel.qrSince = null;
}

/** Start of the QR session whose codes rotate every QR_TTL; a fresh session after logout/unlink. */
export const qrSessionStart = (channel: ChannelRecord): number =>
  channel.qrSince ?? (channel.launchedAt ?? 0) + BOOT_MS;

export function healthBody(channel: ChannelRecord, now: number, text = currentHealth(channel, now)) {
  const startedAt = channel.launchedAt ?? now;
  return {
    channel_id: channel.id,
    start_at: toUnixSeconds(startedAt),
    uptime: channel.launchedAt === null ? 0 : Math.max(0, Math.floor((now - channel.launchedAt) / SECOND_MS)),
    status: { code: HEALTH_CODES[text], text },
    version: SIM_VERSION,
    api_version: SIM_VERSION,
    ip: '127.0.0.1',
    ...(channel.user ? { user: { ...channel.user, pushname: channel.user.name } } : {}),
  };
}

const BOOT_ORDER: HealthText[] = ['INIT', 'LAUNCH', 'QR'];
const bootRank = (text: HealthText) => (text === 'AUTH' ? 2 : BOOT_ORDER.indexOf(text));

/** Brings the reported health up to date and sends `channel.post` for each change, including boot states that were
 *  skipped in between (INIT → QR also reports LAUNCH), so receivers always see the documented sequence. */
export function syncHealth(sim: SimContext, channel: ChannelRecord): HealthText {
  const now = sim.clock.now();
  const next = currentHealth(channel, now);
  const previous = channel.reportedHealth;
  if (next === previous) return next;
  const from = bootRank(previous);
  const to = bootRank(next);
  const steps = from >= 0 && to > from + 1 ? [...BOOT_ORDER.slice(from + 1, to), next] : [next];
  channel.reportedHealth = next;
  for (const text of steps) emitGateEvent(sim, channel, 'channel', 'post', { health: healthBody(channel, now, text) });
  return next;
}

/** Run by the background ticker and after clock jumps, so STOP and finished boots are reported without polling. */
export function syncAllChannels(sim: SimContext): void {
  for (const channel of sim.state.channels.values()) syncHealth(sim, channel);
}
