import { describe, expect, it } from 'vitest';
import { MESSAGING_MESSAGES } from '../../src/contracts/messaging';
import { gateFor } from '../../src/server/features/channels/channel-whapi';
import { dispatchCampaign } from '../../src/server/features/messaging/dispatch-campaign';
import { dispatchCampaignJob } from '../../src/server/features/messaging/messaging-job-refs';
import { sweepMessaging } from '../../src/server/features/messaging/sweep-messaging';
import type { WhapiGateClient } from '../../src/server/integrations/whapi/index';
import { startChannelHarness } from './channels-harness';
import { linkedSender, outboxRows, simSent } from './messaging-fixtures';

// Page Bulk (DOMAIN.md "Messaging"): a list becomes outbox rows charged to the bulk limit of the service period,
// a dispatcher sends them within the daily limit; a campaign killed half-way and resumed reaches every recipient
// exactly once (QUALITY B1); a banned owner's campaign sends nothing (S2).
const h = await startChannelHarness();
const { pool, testApp } = h;

const numbers = (count: number, from = 1000) => Array.from({ length: count }, (_, i) => `+1415555${String(from + i)}`);

async function createCampaign(client: Awaited<ReturnType<typeof linkedSender>>['owner']['client'], body: Record<string, unknown>) {
  return client.post('/api/campaigns', { name: 'November offer', body: 'Hello from OmniPlus', ...body });
}

describe('Bulk', () => {
  it('reads a CSV with a header and repeats, sends each recipient once, and completes', async () => {
    const { owner, channel } = await linkedSender(h);
    const csv = 'phone,name\n+1 415 555 0100,Ann\n14155550101,Bob\n"+1 (415) 555-0100",Ann again\n\n';
    const created = await createCampaign(owner.client, { channelId: channel.id, recipients: csv });
    expect(created.statusCode, created.body).toBe(201);
    const reply = created.json();
    expect(reply).toMatchObject({
      notice: MESSAGING_MESSAGES.campaignStarted,
      duplicatesRemoved: 1,
      linesSkipped: 2,
      campaign: { status: 'running', total: 2, counts: { queued: 2 } },
    });
    expect(reply.usage.bulk).toMatchObject({ used: 2, limit: 1000 });

    await testApp.jobs!.runNow(dispatchCampaignJob, { campaignId: reply.campaign.id });
    const campaign = (await owner.client.get(`/api/campaigns/${reply.campaign.id}`)).json().campaign;
    expect(campaign).toMatchObject({ status: 'completed', counts: { sent: 2, queued: 0, sending: 0 } });
    expect((await simSent(h, channel.channelRef)).map((m) => m.to).sort()).toEqual(['14155550100', '14155550101']);
    const listed = (await owner.client.get(`/api/outbox?campaignId=${reply.campaign.id}`)).json();
    expect(listed.items.map((m: { campaignName: string }) => m.campaignName)).toEqual(['November offer', 'November offer']);
    expect((await owner.client.get('/api/send/options')).json().usage.daily.used).toBe(2);
  });

  it('is out of reach for a user whose override removes Bulk (issue 4), while Send stays open', async () => {
    const { owner, channel } = await linkedSender(h, { pageAccess: { bulk: false } });
    expect((await owner.client.get('/api/me')).json().pages).not.toContain('bulk');
    const options = await owner.client.get('/api/bulk/options');
    expect(options.statusCode).toBe(403);
    expect(options.json().error.code).toBe('PAGE_FORBIDDEN');
    expect((await createCampaign(owner.client, { channelId: channel.id, recipients: '+14155550100' })).statusCode).toBe(403);
    expect((await owner.client.get('/api/send/options')).statusCode).toBe(200);
    expect(await outboxRows(h, 'user_id = $1', [owner.id])).toEqual([]);
  });

  it('refuses bad lines by number and a list over the bulk allowance, changing nothing; cancel gives unsent back', async () => {
    const { owner, channel } = await linkedSender(h, { limits: { bulk: 5 } });
    const bad = await createCampaign(owner.client, { channelId: channel.id, recipients: '+14155550100\n12345\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.recipients).toContain('line 2');
    const tooMany = await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(6).join('\n') });
    expect(tooMany.statusCode).toBe(403);
    expect(tooMany.json().error).toMatchObject({ code: 'LIMIT_REACHED', message: MESSAGING_MESSAGES.bulkLimit });
    expect(await outboxRows(h, 'user_id = $1', [owner.id])).toEqual([]);

    const first = (await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(5).join('\n') })).json();
    expect((await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(1, 2000).join('\n') })).statusCode).toBe(403);
    const cancelled = await owner.client.post(`/api/campaigns/${first.campaign.id}/cancel`);
    expect(cancelled.json().campaign).toMatchObject({ status: 'cancelled', counts: { cancelled: 5 } });
    expect((await owner.client.post(`/api/campaigns/${first.campaign.id}/resume`)).statusCode).toBe(409);
    const again = await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(5, 3000).join('\n') });
    expect(again.statusCode).toBe(201);
  });

  it('sends what today’s limit allows, then waits for tomorrow with the reason shown', async () => {
    const { owner, channel } = await linkedSender(h, { limits: { daily: 3 } });
    const { campaign } = (await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(5).join('\n') })).json();
    await testApp.jobs!.runNow(dispatchCampaignJob, { campaignId: campaign.id });
    const after = (await owner.client.get(`/api/campaigns/${campaign.id}`)).json().campaign;
    expect(after).toMatchObject({ status: 'running', pausedReason: MESSAGING_MESSAGES.dailyWait, counts: { sent: 3, queued: 2 } });
    const { rows } = await pool.query(`SELECT lease_until FROM message_campaigns WHERE id = $1`, [campaign.id]);
    expect(new Date(rows[0].lease_until).getTime()).toBeGreaterThan(Date.now());
    // The sweep leaves a waiting campaign alone; pausing and resuming is the user's way to retry sooner.
    expect((await sweepMessaging(h.deps(), { userId: owner.id })).campaignsRestarted).toBe(0);
    expect((await owner.client.post(`/api/campaigns/${campaign.id}/pause`)).json().campaign.status).toBe('paused');
    expect((await owner.client.post(`/api/campaigns/${campaign.id}/resume`)).json().campaign.status).toBe('running');
  });

  it('pauses with WHAPI’s reason when the phone is unlinked, and resumes where it stopped', async () => {
    const { owner, channel } = await linkedSender(h);
    const { campaign } = (await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(4).join('\n') })).json();
    await h.simCall('POST', `/__sim/channels/${channel.channelRef}/unlink`, {});
    await dispatchCampaign(h.deps(), campaign.id);
    const paused = (await owner.client.get(`/api/campaigns/${campaign.id}`)).json().campaign;
    expect(paused.status).toBe('paused');
    expect(paused.pausedReason).toMatch(/\S/);
    expect(paused.counts).toMatchObject({ queued: 4, sent: 0 });
  });

  it('S2: a banned owner’s running campaign sends nothing and is not restarted until the unban', async () => {
    const { owner, channel } = await linkedSender(h);
    const { campaign } = (await createCampaign(owner.client, { channelId: channel.id, recipients: numbers(3).join('\n') })).json();
    expect((await h.admin.client.post(`/api/admin/users/${owner.id}/ban`, { reason: 'Spam' })).statusCode).toBe(200);
    expect(await dispatchCampaign(h.deps(), campaign.id)).toBe('user_banned');
    expect(await simSent(h, channel.channelRef)).toEqual([]);
    expect((await sweepMessaging(h.deps(), { userId: owner.id })).campaignsRestarted).toBe(0);
    expect((await h.admin.client.post(`/api/admin/users/${owner.id}/unban`)).statusCode).toBe(200);
    expect((await sweepMessaging(h.deps(), { userId: owner.id })).campaignsRestarted).toBe(1);
    expect(await dispatchCampaign(h.deps(), campaign.id)).toBe('completed');
    expect(await simSent(h, channel.channelRef)).toHaveLength(3);
  });

  it('B1: killed half-way (one send answered but not recorded, a batch claimed) and resumed, reaches everyone exactly once', async () => {
    const { owner, channel } = await linkedSender(h);
    const recipients = numbers(50);
    const { campaign } = (await createCampaign(owner.client, { channelId: channel.id, recipients: recipients.join('\n') })).json();

    // The "process" dies during the 30th send: WHAPI sends it, but the answer never comes back and nothing after it
    // runs. Its batch (messages 26–50) stays claimed as `sending`: 26–30 went out (answers are written per batch,
    // so they were never recorded), 31–50 did not.
    let calls = 0;
    const dying = (real: WhapiGateClient): WhapiGateClient => ({
      ...real,
      async sendText(input) {
        calls += 1;
        if (calls < 30) return real.sendText(input);
        if (calls === 30) await real.sendText(input);
        return new Promise(() => {});
      },
    });
    const deps = { ...h.deps(), gate: (c: { tokenSealed: string }) => dying(gateFor(h.deps(), c)) };
    void dispatchCampaign(deps, campaign.id, { batchSize: 25, concurrency: 1 });
    for (let i = 0; i < 250 && calls < 31; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await simSent(h, channel.channelRef)).toHaveLength(30);
    const states = (await outboxRows(h, 'campaign_id = $1', [campaign.id])).map((r) => r.status);
    expect(states.filter((s) => s === 'sent')).toHaveLength(25);
    expect(states.filter((s) => s === 'sending')).toHaveLength(25);

    // The worker is gone: its lease and claims age past the sweep's patience.
    await pool.query(`UPDATE message_campaigns SET lease_until = now() - interval '1 second' WHERE id = $1`, [campaign.id]);
    await pool.query(`UPDATE outbox_messages SET claimed_at = claimed_at - interval '10 minutes' WHERE campaign_id = $1 AND status = 'sending'`, [campaign.id]);
    const swept = await sweepMessaging(h.deps(), { userId: owner.id });
    expect(swept).toMatchObject({ settledSent: 5, requeued: 20, campaignsRestarted: 1 });
    expect(await dispatchCampaign(h.deps(), campaign.id)).toBe('completed');

    const sent = await simSent(h, channel.channelRef);
    expect(sent).toHaveLength(50);
    expect(sent.map((m) => `+${m.to}`).sort()).toEqual([...recipients].sort());
    const rows = await outboxRows(h, 'campaign_id = $1', [campaign.id]);
    expect(rows.every((r) => r.status === 'sent' && r.whapi_message_id)).toBe(true);
    expect(new Set(rows.map((r) => r.whapi_message_id)).size).toBe(50);
    // Daily usage counts each message once, the one settled from history included.
    expect((await owner.client.get('/api/send/options')).json().usage.daily.used).toBe(50);
  });
});
