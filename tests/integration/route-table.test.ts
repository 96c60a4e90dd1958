import { beforeAll, describe, expect, it } from 'vitest';
import { USER_PAGES } from '../../src/domain/pages';
import { signUpAdmin, signUpUser, startTestApp, TEST_ORIGIN, TestClient } from '../support/test-app';

// Every case below is generated from the route table (the OpenAPI document), so a new route is covered the
// moment it is registered: QUALITY C1, Z1, Z3 and K2.
const testApp = await startTestApp();
const { app } = testApp;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  spec: {
    requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
    responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
}

const WRITE_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC_PATHS = new Set(['/api/health', '/api/auth/sign-up', '/api/auth/sign-in', '/api/auth/sign-out', '/api/pricing/public', '/api/leads']);
const SECRET_NAMES = new Set(['password', 'token', 'secret', 'currentPassword', 'newPassword']);

const document = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, Operation['spec']>>;
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, spec]) => ({ method: method.toUpperCase() as Method, path, spec })),
);
// Webhooks are called by WHAPI and PayPal, not by browsers: no session and no Origin. A secret in the path or a
// signature authenticates them instead, which the webhook section below proves for every one of them.
const isWebhook = (op: Operation) => op.path.startsWith('/api/webhooks/');
const webhooks = operations.filter(isWebhook);
const writes = operations.filter((op) => WRITE_METHODS.has(op.method) && !isWebhook(op));
const adminOps = operations.filter((op) => op.path.startsWith('/api/admin/'));
const privateOps = operations.filter((op) => !PUBLIC_PATHS.has(op.path) && !isWebhook(op));
const label = (op: Operation) => [op.method, op.path] as const;

const PROBE_PLAN = {
  name: 'Probe',
  currency: 'USD',
  monthlyPriceMinor: 1000,
  billingPeriod: 'monthly',
  requestType: 'paid',
  paypalPlanId: null,
  visibility: 'both',
  sortOrder: 0,
  limits: { daily: 1, bulk: 1, channels: 1, chatbots: 1 },
  pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
  features: [],
};

// A body each write route would accept, so that a missing guard would show as a real change, not a 400.
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/admin/webhook-events/{id}/replay': {},
  'POST /api/admin/users/{id}/ban': { reason: 'route-table probe' },
  'PUT /api/admin/users/{id}/role': { role: 'admin' },
  'PATCH /api/me': { name: 'Changed By Probe' },
  'POST /api/messages': { channelId: 'probe', to: '+14155550123', body: 'probe' },
  'POST /api/campaigns': { channelId: 'probe', name: 'Probe', body: 'probe', recipients: '+14155550123' },
  'POST /api/me/password': { currentPassword: 'correct horse battery', newPassword: 'changed by probe' },
  'PATCH /api/admin/settings/whapi': { partnerName: 'probe' },
  'PATCH /api/admin/users/{id}/overrides': { notes: 'route-table probe', pageAccess: { bulk: true } },
  'POST /api/admin/users': { name: 'Probe', email: 'probe-created@example.com', role: 'admin', password: 'probe password 123' },
  'POST /api/admin/users/{id}/days': { delta: 30, reason: 'route-table probe' },
  'POST /api/admin/settings/whapi/register-webhook': { daysLimit: 7 },
  'POST /api/admin/plans': PROBE_PLAN,
  'PUT /api/admin/plans/{id}': PROBE_PLAN,
  'PUT /api/admin/plans/order': { order: ['probe-plan-id'] },
  'POST /api/leads': { kind: 'quote', name: 'Probe', email: 'probe@example.com', phone: '+97336123456' },
  'PATCH /api/admin/leads/{id}': { status: 'contacted' },
  'POST /api/admin/payments/{id}/approve': { days: 30 },
  'POST /api/admin/payments/{id}/reject': { reason: 'route-table probe' },
  'PUT /api/admin/settings/paypal': { mode: 'sandbox', clientId: 'probe-client', clientSecret: 'probe-secret', webhookId: 'WH-PROBE' },
  'POST /api/payments/paypal/checkout': { planId: 'probe-plan-id' },
  'POST /api/payments/paypal/return': { ref: 'probe-ref', subscriptionId: 'I-PROBE' },
  'POST /api/payments/paypal/cancel-checkout': { ref: 'probe-ref' },
  'POST /api/payments/paypal/subscriptions/{id}/cancel': { reason: 'route-table probe' },
  'PUT /api/admin/settings/email': { smtpUrl: 'smtp://probe:probe-password@127.0.0.1:2525', fromAddress: 'probe@example.com' },
  'POST /api/admin/settings/email/test': { to: 'probe@example.com' },
  'PUT /api/admin/settings/platform': { autoAllocate: false },
  'POST /api/admin/balances/topup': { days: 5, note: 'route-table probe' },
  'POST /api/admin/balances/sync': { noticeId: '1' },
  'POST /api/channels': { name: 'Probe channel', phone: '+97336123456' },
  'POST /api/channels/{id}/qr': { rotation: 1 },
  'POST /api/channels/{id}/pairing-code': { phone: '+97336123456' },
  'POST /api/admin/channels': { userId: 'probe-user-id', name: 'Probe channel', phone: '+97336123456' },
  'POST /api/admin/channels/{id}/extend': { days: 30 },
  'POST /api/admin/channels/{id}/qr': { rotation: 1 },
  'POST /api/admin/channels/{id}/pairing-code': { phone: '+97336123456' },
};

// Uploads are multipart, read as a bounded stream and validated field by field in the handler (QUALITY F1, F2),
// so they declare no JSON body; offline-payments.test.ts covers their validation. Guards are probed as for any route.
const MULTIPART_ROUTES = new Set(['POST /api/payments/offline']);
const isMultipart = (op: Operation) => MULTIPART_ROUTES.has(`${op.method} ${op.path}`);

/** Paths like /api/admin/users/{id}/ban with every parameter filled in. */
function urlOf(op: Operation, id: string): string {
  return op.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
}

/** The write routes Fastify itself knows, read from its route tree (catches a route hidden from the docs). */
function routerWrites(): string[] {
  const found: string[] = [];
  for (const method of WRITE_METHODS) {
    const stack: string[] = [];
    for (const line of app.printRoutes({ method, commonPrefix: false }).split('\n')) {
      const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack.length = depth;
      stack.push(match[2]!);
      if (match[3]?.split(', ').includes(method)) {
        found.push(`${method} ${stack.join('').replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return found.sort();
}

function collectPropertyNames(schema: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) collectPropertyNames(item, into);
  else if (schema && typeof schema === 'object') {
    const properties = (schema as { properties?: Record<string, unknown> }).properties;
    for (const name of Object.keys(properties ?? {})) into.add(name);
    for (const value of Object.values(schema)) collectPropertyNames(value, into);
  }
  return into;
}

let victim: Awaited<ReturnType<typeof signUpUser>>;
let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let plainUser: Awaited<ReturnType<typeof signUpUser>>;

beforeAll(async () => {
  victim = await signUpUser(app, { name: 'Victim' });
  admin = await signUpAdmin(testApp);
  plainUser = await signUpUser(app, { name: 'Plain' });
});

async function victimState() {
  const { rows } = await testApp.database.pool.query(`SELECT name, role, banned FROM users WHERE id = $1`, [victim.id]);
  return rows[0];
}

describe('the route table', () => {
  it('is served as OpenAPI and lists the admin ban route among the write routes', () => {
    expect(operations.length).toBeGreaterThan(5);
    expect(writes.map((op) => `${op.method} ${op.path}`)).toContain('POST /api/admin/users/{id}/ban');
  });

  it('documents every state-changing route the router knows, so none escapes these tests', () => {
    const documented = [...writes, ...webhooks].map((op) => `${op.method} ${op.path}`);
    expect(routerWrites()).toEqual(documented.sort());
  });
});

describe('cross-site request refusal (QUALITY C1)', () => {
  async function sendWrite(op: Operation, headers: Record<string, string>) {
    const cookie = [...admin.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return app.inject({
      method: op.method,
      url: urlOf(op, victim.id),
      headers: { cookie, ...headers },
      payload: (VALID_BODIES[`${op.method} ${op.path}`] ?? {}) as object,
    });
  }

  it.each(writes.map(label))('refuses %s %s without Origin or Sec-Fetch-Site, even with a session', async (method, path) => {
    const before = await victimState();
    const response = await sendWrite({ method, path, spec: {} }, {});
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_REJECTED');
    expect(await victimState()).toEqual(before);
  });

  it.each(writes.map(label))('refuses %s %s from another site', async (method, path) => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const response = await sendWrite({ method, path, spec: {} }, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.code).toBe('CSRF_REJECTED');
    }
    expect(await victimState()).toMatchObject({ role: 'user', banned: false, name: 'Victim' });
  });

  it('lets the same write through when it comes from our own pages', async () => {
    const response = await new TestClient(app).request('POST', '/api/auth/sign-out', {}, { origin: TEST_ORIGIN });
    expect(response.statusCode).toBe(200);
    const sameOrigin = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { 'sec-fetch-site': 'same-origin' },
      payload: {},
    });
    expect(sameOrigin.statusCode).toBe(200);
  });
});

describe('access to every route (QUALITY Z1)', () => {
  it.each(adminOps.map(label))('refuses %s %s to a signed-in plain user with 403', async (method, path) => {
    const op = { method, path, spec: {} };
    const response = await plainUser.client.request(method, urlOf(op, victim.id), VALID_BODIES[`${method} ${path}`]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect(await victimState()).toMatchObject({ role: 'user', banned: false });
  });

  it.each(privateOps.map(label))('refuses %s %s to an anonymous client with 401', async (method, path) => {
    const op = { method, path, spec: {} };
    const response = await new TestClient(app).request(method, urlOf(op, victim.id), VALID_BODIES[`${method} ${path}`]);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an anonymous client without a 401 on exactly the public routes', async () => {
    const publicOps = operations.filter((op) => PUBLIC_PATHS.has(op.path) && !isWebhook(op));
    expect(publicOps.map((op) => op.path).sort()).toEqual([...PUBLIC_PATHS].sort());
    for (const op of publicOps) {
      const response = await new TestClient(app).request(op.method, op.path, op.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${op.method} ${op.path}`).not.toBe(401);
    }
  });
});

describe('schemas of every route (QUALITY Z3, K2)', () => {
  it.each(operations.map(label))('%s %s declares a JSON schema for its success response', (method, path) => {
    const op = operations.find((o) => o.method === method && o.path === path)!;
    const success = op.spec.responses?.['200'] ?? op.spec.responses?.['201'];
    expect(success?.content?.['application/json']?.schema).toBeDefined();
  });

  it.each(writes.filter((op) => op.spec.requestBody).map(label))(
    '%s %s validates its body with a closed object schema (no mass assignment)',
    (method, path) => {
      const op = writes.find((o) => o.method === method && o.path === path)!;
      const schema = op.spec.requestBody?.content?.['application/json']?.schema;
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    },
  );

  // The convention of sign-out: a route that reads nothing still declares an empty closed body, so that
  // `{role: "admin"}` sent to it is refused rather than silently accepted.
  it('documents every multipart route, so the guards above probe it too', () => {
    const documented = operations.filter(isMultipart);
    expect(documented.map((op) => `${op.method} ${op.path}`).sort()).toEqual([...MULTIPART_ROUTES].sort());
  });

  it.each(writes.filter((op) => op.method !== 'DELETE' && !isMultipart(op)).map(label))(
    '%s %s declares a request body schema, even when it reads nothing',
    (method, path) => {
      const op = writes.find((o) => o.method === method && o.path === path)!;
      expect(op.spec.requestBody?.content?.['application/json']?.schema).toBeDefined();
    },
  );

  it.each(operations.map(label))('%s %s never names a secret in any response schema', (method, path) => {
    const op = operations.find((o) => o.method === method && o.path === path)!;
    const names = collectPropertyNames(op.spec.responses);
    expect([...names].filter((name) => SECRET_NAMES.has(name))).toEqual([]);
    // The one deliberate exception is named differently on purpose and audited: Admin → Channels "Copy token".
    if (path !== '/api/admin/channels/{id}/token') expect(names.has('channelToken')).toBe(false);
  });
});

describe('webhooks (QUALITY W1)', () => {
  it('exist, so this section tests something', () => {
    expect(webhooks.map((op) => `${op.method} ${op.path}`)).toContain('POST /api/webhooks/whapi/partner/{secret}');
  });

  const secretInPath = webhooks.filter((op) => op.path.includes('{'));
  const signed = webhooks.filter((op) => !op.path.includes('{'));

  it.each(signed.map(label))('refuses an unsigned call to %s %s and stores nothing', async (method, path) => {
    const count = async () => (await testApp.database.pool.query(`SELECT count(*)::int AS n FROM webhook_events`)).rows[0].n;
    const before = await count();
    const event = { id: 'WH-UNSIGNED', event_type: 'BILLING.SUBSCRIPTION.CANCELLED', resource: { id: 'I-X' } };
    const response = await app.inject({ method, url: path, payload: event });
    // 400 when the signature is missing or wrong; 503 while PayPal cannot be asked (here: not configured).
    expect([400, 503]).toContain(response.statusCode);
    expect(await count()).toBe(before);
  });

  it.each(secretInPath.map(label))('answers %s %s with a wrong secret by 404 and changes nothing', async (method, path) => {
    const count = async () =>
      (await testApp.database.pool.query(`SELECT (SELECT count(*) FROM partner_balance_notices)::int AS n`)).rows[0].n;
    const before = await count();
    for (const secret of ['wrong-secret', 'x', 'A'.repeat(32)]) {
      const response = await app.inject({ method, url: urlOf({ method, path, spec: {} }, secret), payload: { days: 5 } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect(await count()).toBe(before);
  });
});
