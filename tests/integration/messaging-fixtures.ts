import { expect } from 'vitest';
import type { SubscriptionOverrides } from '../../src/server/db/schema/index';
import type { Harness } from './channels-harness';

// Messaging tests need a user whose channel is active (days allocated) and linked (phone scanned at the simulator).

export async function linkedSender(h: Harness, overrides: SubscriptionOverrides = {}) {
  const owner = await h.userWithPlan({ channels: -1 });
  // The shared test plans open Dashboard and Channels only; the messaging pages are granted per user, as an admin would.
  const granted = { ...overrides, pageAccess: { send: true, bulk: true, outbox: true, ...overrides.pageAccess } };
  await h.pool.query(`UPDATE subscriptions SET overrides = $2 WHERE user_id = $1 AND is_current`, [owner.id, JSON.stringify(granted)]);
  const channel = await h.createChannel(owner.id);
  await h.topUp(30);
  expect((await h.extend(channel.id, 30)).statusCode).toBe(200);
  expect((await h.simCall('POST', `/__sim/channels/${channel.channelRef}/link`, { phone: '97336123456' })).status).toBe(200);
  // The link reaches us as webhooks (applied by the receiving request); wait for the channel to say so.
  for (let i = 0; i < 250 && (await h.channelRow(channel.id)).auth_status !== 'authorized'; i++) await new Promise((r) => setTimeout(r, 20));
  expect((await h.channelRow(channel.id)).auth_status).toBe('authorized');
  return { owner, channel };
}

/** Messages the simulator holds for one channel, as WHAPI would list them. */
export async function simSent(h: Harness, channelRef: string): Promise<{ id: string; to: string; body: string }[]> {
  const state = await h.simState();
  return (state.messages as { channelId: string; message: { id: string; chat_id: string; from_me: boolean; text?: { body: string } } }[])
    .filter((record) => record.channelId === channelRef && record.message.from_me)
    .map((record) => ({ id: record.message.id, to: record.message.chat_id.replace(/@.*/, ''), body: record.message.text?.body ?? '' }));
}

export async function outboxRows(h: Harness, where: string, values: unknown[]) {
  return (await h.pool.query(`SELECT * FROM outbox_messages WHERE ${where} ORDER BY id`, values)).rows;
}
