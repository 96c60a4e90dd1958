import { afterAll, describe, expect, it } from 'vitest';
import { startWhapiSimulator } from '../../sim/whapi/index';
import { findFreePort } from '../../src/server/db/embedded';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';

// Admin → Settings → WHAPI Integration against the WHAPI simulator over HTTP, and the partner days webhook
// delivered by the simulator to the app listening on a real port.
const BANNER = 'WHAPI Partner Token missing or invalid — please update integration settings.';
const port = await findFreePort();
const sim = await startWhapiSimulator({ partnerName: 'omniplus' });
const testApp = await startTestApp({
  env: { APP_URL: `http://127.0.0.1:${port}`, WHAPI_PARTNER_URL: sim.url, WHAPI_GATE_URL: sim.url },
});
await testApp.app.listen({ port, host: '127.0.0.1' });
afterAll(() => sim.close());

const admin = await signUpAdmin(testApp);
const origin = `http://127.0.0.1:${port}`;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  admin.client.request(method, url, body ?? (method === 'GET' ? undefined : {}), { origin });

async function status() {
  return (await call('GET', '/api/admin/whapi/status')).json();
}

describe('WHAPI integration settings', () => {
  it('starts without a token: the banner shows and WHAPI operations refuse without calling out', async () => {
    expect(await status()).toEqual({ banner: BANNER, partnerBalance: null });
    const settings = (await call('GET', '/api/admin/settings/whapi')).json();
    expect(settings).toMatchObject({ tokenConfigured: false, tokenLast4: null, tokenStatus: 'missing' });
    expect(settings.webhookUrls.partnerDays).toMatch(new RegExp(`^${origin}/api/webhooks/whapi/partner/[\\w-]{20,}$`));
    const test = await call('POST', '/api/admin/settings/whapi/test');
    expect(test.statusCode).toBe(409);
    expect(test.json().error).toMatchObject({ code: 'WHAPI_NOT_CONFIGURED', message: BANNER });
  });

  it('marks a token WHAPI refuses as invalid, shows WHAPI’s words, and stops calling with it', async () => {
    await call('PATCH', '/api/admin/settings/whapi', { partnerToken: 'not-the-partner-token-at-all' });
    const test = await call('POST', '/api/admin/settings/whapi/test');
    expect(test.statusCode).toBe(502);
    expect(test.json().error.message.length).toBeGreaterThan(10);
    expect(test.json().error.message).not.toContain('not-the-partner-token-at-all');
    const settings = (await call('GET', '/api/admin/settings/whapi')).json();
    expect(settings).toMatchObject({ tokenStatus: 'invalid', tokenLast4: '-all' });
    expect((await status()).banner).toBe(BANNER);
    const projects = await call('GET', '/api/admin/settings/whapi/projects');
    expect(projects.statusCode).toBe(409);
  });

  it('accepts the right token after a successful test: the banner clears itself', async () => {
    const saved = await call('PATCH', '/api/admin/settings/whapi', { partnerToken: sim.partnerToken });
    expect(saved.json()).toMatchObject({ tokenConfigured: true, tokenStatus: 'unverified', tokenLast4: sim.partnerToken.slice(-4) });
    expect(JSON.stringify(saved.json())).not.toContain(sim.partnerToken);
    const test = await call('POST', '/api/admin/settings/whapi/test');
    expect(test.statusCode).toBe(200);
    expect(test.json()).toMatchObject({ ok: true, projectCount: expect.any(Number) });
    expect(test.json().projectCount).toBeGreaterThan(0);
    expect((await status()).banner).toBeNull();
  });

  it('lists the projects with the default one marked and saves the chosen project and partner name', async () => {
    const { projects } = (await call('GET', '/api/admin/settings/whapi/projects')).json();
    const project = projects.find((p: { isDefault: boolean }) => p.isDefault);
    expect(project).toBeDefined();
    const saved = await call('PATCH', '/api/admin/settings/whapi', { projectId: project.id, partnerName: sim.partnerName });
    expect(saved.json()).toMatchObject({ projectId: project.id, partnerName: sim.partnerName });
  });

  it('keeps the token sealed at rest and out of every audit row (QUALITY K1, K2)', async () => {
    const { rows } = await testApp.database.pool.query(`SELECT * FROM whapi_settings`);
    expect(JSON.stringify(rows)).not.toContain(sim.partnerToken);
    expect(rows[0].partner_token_sealed).toMatch(/^v1\./);
    const audit = await testApp.database.pool.query(`SELECT meta FROM audit_log WHERE action = 'whapi.settings_update'`);
    expect(audit.rows.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audit.rows)).not.toContain(sim.partnerToken);
  });

  it('registers the partner days webhook with WHAPI and stores the notices WHAPI sends to it', async () => {
    const registered = await call('POST', '/api/admin/settings/whapi/register-webhook', { daysLimit: 25 });
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toMatchObject({ daysLimit: 25, webhookRegisteredAt: expect.any(String) });
    const atWhapi = await fetch(`${sim.url}/partners/${sim.partnerName}/settings`, {
      headers: { authorization: `Bearer ${sim.partnerToken}` },
    }).then((r) => r.json());
    expect(atWhapi.days_limit).toBe(25);
    expect(JSON.stringify(atWhapi.webhooks)).toContain(registered.json().webhookUrls.partnerDays);

    const sent = await fetch(`${sim.url}/__sim/partner/days-notice`, { method: 'POST' });
    expect(sent.ok).toBe(true);
    await expect.poll(async () => (await status()).partnerBalance, { timeout: 5000 }).not.toBeNull();
    const balance = (await status()).partnerBalance;
    expect(balance.currentDays).toEqual(expect.any(Number));
    const notices = (await call('GET', '/api/admin/whapi/notices')).json();
    expect(notices.total).toBe(1);
    expect(notices.items[0].raw).toBeDefined();
  });

  it('refuses the old URLs once the webhook secret is rotated', async () => {
    const before = (await call('GET', '/api/admin/settings/whapi')).json().webhookUrls.partnerDays;
    const rotated = (await call('POST', '/api/admin/settings/whapi/rotate-webhook-secret')).json();
    expect(rotated.webhookUrls.partnerDays).not.toBe(before);
    expect(rotated.webhookRegisteredAt).toBeNull();
    expect((await fetch(before, { method: 'POST', body: '{"days":3}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
    const fresh = await fetch(rotated.webhookUrls.partnerDays, {
      method: 'POST',
      body: JSON.stringify({ event: { type: 'days', event: 'post' }, days: 3, days_limit: 25 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(fresh.status).toBe(200);
    expect((await status()).partnerBalance).toMatchObject({ currentDays: 3, daysLimit: 25 });
  });

  it('shows the banner again once the token is cleared', async () => {
    const cleared = await call('PATCH', '/api/admin/settings/whapi', { partnerToken: null });
    expect(cleared.json()).toMatchObject({ tokenConfigured: false, tokenStatus: 'missing', tokenLast4: null });
    expect((await status()).banner).toBe(BANNER);
  });

  it('is for admins only', async () => {
    const user = await signUpUser(testApp.app, { origin });
    for (const url of ['/api/admin/settings/whapi', '/api/admin/whapi/status', '/api/admin/whapi/notices']) {
      expect((await user.client.request('GET', url)).statusCode).toBe(403);
    }
  });
});
