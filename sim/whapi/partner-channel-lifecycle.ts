import type { HandlerTable } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { DAY_MS } from './clock';
import { currentHealth, isExpired, relaunch, syncHealth } from './channel-health';
import { noticeIfBalanceCrossedLimit } from './partner-events';
import { requireChannel, unusedPaidDays } from './partner-lookups';
import type { SimContext } from './sim-context';
import type { ChannelMode, ChannelRecord } from './state';

interface ExtendBody {
  days: number;
  comment: string;
  amount?: number;
  currency?: string;
}

const success = { body: { success: true } };

/** §A4: deleting hands the channel's unused paid days back to the partner balance. */
function deleteChannel(sim: SimContext, channel: ChannelRecord): void {
  sim.state.partner.balanceDays += unusedPaidDays(channel, sim.clock.now());
  sim.state.channels.delete(channel.id);
  for (const [id, record] of sim.state.messages) if (record.channelId === channel.id) sim.state.messages.delete(id);
}

/** §A7: days move from the partner balance to the channel; activeTill counts from now if the channel already ran
 *  out. The spec gives no status for an empty balance (§10.2): we answer 400, the status it declares for bad
 *  requests, with the numbers in the message. An expired channel that gets days boots again. */
function extendChannel(sim: SimContext, channel: ChannelRecord, body: ExtendBody): void {
  const { partner } = sim.state;
  if (!Number.isInteger(body.days) || body.days <= 0) throw new SimHttpError(400, 'days must be a positive whole number');
  if (body.days > partner.balanceDays) {
    throw new SimHttpError(400, `Not enough days on the partner balance: ${partner.balanceDays} left, ${body.days} requested`);
  }
  const now = sim.clock.now();
  const balanceBefore = partner.balanceDays;
  const wasExpired = isExpired(channel, now);
  partner.balanceDays -= body.days;
  channel.activeTill = Math.max(now, channel.activeTill) + body.days * DAY_MS;
  channel.billing.push({ at: now, days: body.days, comment: body.comment, amount: body.amount, currency: body.currency });
  if (wasExpired && !channel.stopped && channel.launchedAt !== null) relaunch(channel, now);
  syncHealth(sim, channel);
  noticeIfBalanceCrossedLimit(sim, balanceBefore);
}

/** §A8: "if empty - live"; after a mode change the channel restarts. */
function changeMode(sim: SimContext, channel: ChannelRecord, mode: ChannelMode | undefined): void {
  const now = sim.clock.now();
  channel.mode = mode ?? 'live';
  if (channel.launchedAt !== null && currentHealth(channel, now) !== 'STOP') relaunch(channel, now);
  syncHealth(sim, channel);
}

function requireStartable(sim: SimContext, channel: ChannelRecord, action: string): void {
  if (isExpired(channel, sim.clock.now())) {
    throw new SimHttpError(503, `The channel is not ready to be ${action}: it has no active days left`);
  }
}

/** `saveDays` is described only as "Withdraw days from stopped channel" (§10.6): we read it as handing the unused
 *  paid days back to the balance, which leaves the channel without days. */
function stopChannel(sim: SimContext, channel: ChannelRecord, saveDays: boolean): void {
  const now = sim.clock.now();
  channel.stopped = true;
  if (saveDays) {
    sim.state.partner.balanceDays += unusedPaidDays(channel, now);
    channel.activeTill = Math.min(channel.activeTill, Math.max(now, channel.trial ?? now));
  }
  syncHealth(sim, channel);
}

export const partnerLifecycleHandlers: HandlerTable = {
  'DELETE /channels/{ChannelID}': (sim, { params }) => {
    deleteChannel(sim, requireChannel(sim, params.ChannelID ?? ''));
    return success;
  },
  'POST /channels/{ChannelID}/extend': (sim, { params, body }) => {
    extendChannel(sim, requireChannel(sim, params.ChannelID ?? ''), body as ExtendBody);
    return success;
  },
  'PATCH /channels/{ChannelID}/mode': (sim, { params, body }) => {
    changeMode(sim, requireChannel(sim, params.ChannelID ?? ''), (body as { mode?: ChannelMode }).mode);
    return success;
  },
  'POST /channels/{ChannelID}/start': (sim, { params }) => {
    const channel = requireChannel(sim, params.ChannelID ?? '');
    requireStartable(sim, channel, 'started');
    if (channel.stopped) {
      channel.stopped = false;
      relaunch(channel, sim.clock.now());
      syncHealth(sim, channel);
    }
    return success;
  },
  'POST /channels/{ChannelID}/stop': (sim, { params, body }) => {
    stopChannel(sim, requireChannel(sim, params.ChannelID ?? ''), (body as { saveDays?: boolean }).saveDays === true);
    return success;
  },
  'POST /channels/{ChannelID}/restart': (sim, { params }) => {
    const channel = requireChannel(sim, params.ChannelID ?? '');
    requireStartable(sim, channel, 'restarted');
    if (channel.stopped) throw new SimHttpError(503, 'The channel is not ready to be restarted: it is stopped, start it first');
    relaunch(channel, sim.clock.now());
    syncHealth(sim, channel);
    return success;
  },
};
