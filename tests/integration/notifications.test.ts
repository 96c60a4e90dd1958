import { beforeAll, describe, expect, it } from 'vitest';
import type { UserEvent } from '../../src/server/realtime/event-bus';
import { signUpAdmin, signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';

// In-app notifications (the header bell): each person sees, reads and clears only their own.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;

type Listed = {
  items: { id: string; kind: string; title: string; link: string | null; readAt: string | null }[];
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
};

let ipCounter = 0;
async function requestQuote(name: string) {
  ipCounter += 1;
  const response = await new TestClient(app, `10.88.0.${ipCounter}`).post('/api/leads', {
    kind: 'quote',
    name,
    email: uniqueEmail('notify'),
    phone: '+97336123456',
  });
  expect(response.statusCode, response.body).toBe(201);
}

async function list(client: TestClient, query = ''): Promise<Listed> {
  const response = await client.get(`/api/notifications${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Listed;
}

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let otherAdmin: Awaited<ReturnType<typeof signUpAdmin>>;
let user: Awaited<ReturnType<typeof signUpUser>>;

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  otherAdmin = await signUpAdmin(testApp);
  user = await signUpUser(app, { name: 'Plain User' });
});

describe('GET /api/notifications', () => {
  it('needs a signed-in person', async () => {
    const response = await new TestClient(app).get('/api/notifications');
    expect(response.statusCode).toBe(401);
  });

  it('lists the person’s notifications newest first with the unread count, and an empty list for a user', async () => {
    await requestQuote('First Lead');
    await requestQuote('Second Lead');
    const page = await list(admin.client);
    expect(page.items.map((item) => item.title)).toEqual(['New quote request from Second Lead', 'New quote request from First Lead']);
    expect(page).toMatchObject({ total: 2, unreadCount: 2, page: 1, pageSize: 10 });
    expect(page.items[0]).toMatchObject({ kind: 'lead.created', readAt: null });
    expect(page.items[0]!.link).toMatch(/^\/admin\/leads\?id=/);

    expect(await list(user.client)).toMatchObject({ items: [], total: 0, unreadCount: 0 });
  });

  it('pages and filters unread ones', async () => {
    const paged = await list(admin.client, '?pageSize=1&page=2');
    expect(paged.items.map((item) => item.title)).toEqual(['New quote request from First Lead']);
    expect(paged.total).toBe(2);
    expect((await admin.client.get('/api/notifications?unread=maybe')).statusCode).toBe(400);
  });

  it('tells the admin’s open tabs over the event bus when one arrives', async () => {
    const events: UserEvent[] = [];
    const unsubscribe = testApp.bus.subscribe(admin.id, (event) => events.push(event));
    try {
      await requestQuote('Live Lead');
      await expect.poll(() => events.map((event) => event.type)).toContain('notification.created');
    } finally {
      unsubscribe();
    }
  });
});

describe('marking notifications read', () => {
  it('marks one read, keeps the first read time, and lowers the unread count', async () => {
    const before = await list(admin.client, '?unread=true');
    const target = before.items[0]!;
    const response = await admin.client.post(`/api/notifications/${target.id}/read`);
    expect(response.statusCode, response.body).toBe(200);
    const readAt = response.json().notification.readAt as string;
    expect(readAt).toBeTruthy();

    const again = await admin.client.post(`/api/notifications/${target.id}/read`);
    expect(again.json().notification.readAt).toBe(readAt);

    const after = await list(admin.client, '?unread=true');
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((item) => item.id)).not.toContain(target.id);
  });

  it('answers 404 for another person’s notification or an unknown id, and changes nothing', async () => {
    const theirs = (await list(otherAdmin.client, '?unread=true')).items[0]!;
    for (const client of [admin.client, user.client]) {
      const response = await client.post(`/api/notifications/${theirs.id}/read`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await admin.client.post('/api/notifications/no-such-id/read')).statusCode).toBe(404);
    const { rows } = await pool.query(`SELECT read_at FROM notifications WHERE id = $1`, [theirs.id]);
    expect(rows[0].read_at).toBeNull();
  });

  it('marks all of the person’s notifications read, and nobody else’s', async () => {
    const otherUnread = (await list(otherAdmin.client)).unreadCount;
    const response = await admin.client.post('/api/notifications/read-all');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true, updated: 2 });
    expect((await list(admin.client)).unreadCount).toBe(0);
    expect((await admin.client.post('/api/notifications/read-all')).json().updated).toBe(0);
    expect((await list(otherAdmin.client)).unreadCount).toBe(otherUnread);
    expect(otherUnread).toBe(3);
  });

  it('refuses a body on the read routes (closed schema)', async () => {
    expect((await admin.client.post('/api/notifications/read-all', { userId: otherAdmin.id })).statusCode).toBe(400);
  });
});
