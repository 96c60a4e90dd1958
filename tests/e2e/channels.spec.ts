import { expect, test, type Page } from '@playwright/test';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { MESSAGES } from '../../src/contracts/errors';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN, E2E_WHAPI } from './support/accounts';
import { newEmail, signIn, signUp, snapshot } from './support/journey';

// DOMAIN.md "Channels" and "Days", end to end against the WHAPI simulator: the admin tops up the main balance, a
// user with an approved plan adds a channel (days allocated automatically), shows the QR, the phone links and the
// card turns Active with the exact message without a reload; the admin deletes it and the unused days come back
// to the main balance; a hand activation without enough days says so, with the way to top up.
// Self-contained on the shared e2e server: it configures WHAPI and leaves the token cleared again, as
// whapi-settings.spec.ts expects of a fresh install.

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PERIOD_DAYS = 30;
const PHONE = '+97336123456';
const PHONE_2 = '+97336123457';

/** A JSON call to our API with the page's cookies and the Origin a browser would send. */
async function call(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(path, {
    method,
    headers: method === 'GET' ? {} : { origin },
    data: method === 'GET' ? undefined : (data ?? {}),
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

async function mainBalance(admin: Page): Promise<number> {
  const summary = (await call(admin, 'GET', '/api/admin/balances/summary')) as { mainBalance: { days: number } };
  return summary.mainBalance.days;
}

async function channelRef(admin: Page, name: string): Promise<string> {
  const page = (await call(admin, 'GET', `/api/admin/channels?search=${encodeURIComponent(name)}`)) as {
    items: { name: string; channelRef: string }[];
  };
  const found = page.items.find((item) => item.name === name);
  expect(found, `channel ${name} in the admin list`).toBeTruthy();
  return found!.channelRef;
}

/** Every screen at desktop width and at 390 px (a phone), as CI artifacts. */
async function snapshots(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
  await snapshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  // The app shell animates its navbar away at phone width; let it settle so the picture shows the real layout.
  await page.waitForTimeout(400);
  await snapshot(page, `${name}-390`);
  await page.setViewportSize(desktop);
}

function card(page: Page, name: string) {
  return page.getByRole('article', { name: `Channel ${name}` });
}

test('channels: top up, add with auto-allocation, link by QR, delete with refund, activate without enough days', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  // The user's screens are checked in the dark scheme, the admin's in the light one.
  const user = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  const stamp = Date.now().toString(36);
  const first = `Sales ${stamp}`;
  const second = `Support ${stamp}`;

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/(dashboard|admin)$/);
  await call(admin, 'PATCH', '/api/admin/settings/whapi', {
    partnerToken: E2E_WHAPI.partnerToken,
    projectId: 'default',
    partnerName: E2E_WHAPI.partnerName,
  });

  try {
    // A monthly plan for two channels, bought offline by a new user and approved by the admin.
    const created = (await call(admin, 'POST', '/api/admin/plans', {
      name: `Channels ${stamp}`,
      currency: 'USD',
      monthlyPriceMinor: 2900,
      billingPeriod: 'monthly',
      requestType: 'paid',
      paypalPlanId: null,
      visibility: 'both',
      sortOrder: 901,
      limits: { daily: 100, bulk: 100, channels: 2, chatbots: 1 },
      pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
      features: ['2 WhatsApp numbers'],
    })) as { plan: { id: string } };
    await call(admin, 'POST', `/api/admin/plans/${created.plan.id}/publish`);

    await signUp(user, { name: `Channel Owner ${stamp}`, email: newEmail('channels'), password: 'channel-owner-password' });
    const upload = await user.request.post('/api/payments/offline', {
      headers: { origin: new URL(user.url()).origin },
      multipart: { planId: created.plan.id, reference: `CH-${stamp}`, proof: { name: 'receipt.png', mimeType: 'image/png', buffer: PNG } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const paymentId = ((await upload.json()) as { payment: { id: string } }).payment.id;
    await call(admin, 'POST', `/api/admin/payments/${paymentId}/approve`, { days: PERIOD_DAYS });

    // Billing & Balances → Top Up, so that the first channel's automatic 30 days leave 10: too few for a second.
    const before = await mainBalance(admin);
    expect(before, 'this journey needs a main balance below 40 days to start from').toBeLessThan(40);
    await admin.goto('/admin/balances');
    await admin.getByRole('button', { name: 'Top Up' }).click();
    const topUp = admin.getByRole('dialog', { name: 'Top up the main balance' });
    await topUp.getByRole('textbox', { name: 'Days' }).fill(String(40 - before));
    await topUp.getByRole('textbox', { name: 'Note' }).fill(`WHAPI invoice e2e-${stamp}`);
    await topUp.getByRole('button', { name: 'Top up' }).click();
    await expect(topUp).toBeHidden();
    await expect(admin.getByTestId('main-balance')).toHaveText('Main Balance: 40 days');
    expect(await mainBalance(admin)).toBe(40);

    // User → Channels: days remaining, nothing yet, Add Channel.
    await user.goto('/channels');
    await expect(user.getByRole('heading', { name: 'Channels' })).toBeVisible();
    await expect(user.getByTestId('channels-days-remaining')).toHaveText(`Days remaining: ${PERIOD_DAYS}`);
    await expect(user.getByText('No channels yet.')).toBeVisible();
    await snapshots(user, 'channels-empty');

    // A number that is not E.164 is refused before anything is sent.
    await user.getByRole('button', { name: 'Add Channel' }).click();
    const dialog = user.getByRole('dialog', { name: 'Add channel' });
    await dialog.getByRole('textbox', { name: 'Channel name' }).fill(first);
    await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill('36123456');
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog.getByText('Enter the number in international format, e.g. +97312345678.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill('+973 3612 3456');
    await expect(dialog.getByText(`Saved as ${PHONE}`)).toBeVisible();
    await snapshots(user, 'channels-add-dialog');
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog).toBeHidden();

    // Auto-allocation gives the channel its 30 days (a job), and the card follows without a reload.
    const sales = card(user, first);
    await expect(sales.getByTestId('channel-days-left')).toHaveText(`${PERIOD_DAYS} days`, { timeout: 30_000 });
    await expect(sales).toContainText(PHONE);
    await expect(sales.getByTestId('channel-status')).toHaveText('Unauthorized');
    await expect(sales.getByText(/Channel days run from the time they were allocated/)).toBeVisible();
    expect(await mainBalance(admin)).toBe(10);

    // Show QR: a real image, a countdown and the rotation counter; "Refresh QR" moves to the next code, and after
    // the fifth the dialog stops until asked again.
    await sales.getByRole('button', { name: 'Show QR' }).click();
    const qr = user.getByRole('dialog', { name: `Link ${first}` });
    const qrImage = qr.getByRole('img', { name: `WhatsApp QR code for ${first}` });
    await expect(qrImage).toBeVisible();
    await expect(qr.getByTestId('qr-countdown')).toHaveText(/^Expires in \d:\d\d$/);
    await expect(qr.getByText('Code 1 of 5')).toBeVisible();
    await snapshots(user, 'channels-qr');
    for (const rotation of [2, 3, 4, 5]) {
      await qr.getByRole('button', { name: 'Refresh QR' }).click();
      await expect(qr.getByText(`Code ${rotation} of 5`)).toBeVisible();
      await expect(qrImage).toBeVisible();
    }
    await qr.getByRole('button', { name: 'Refresh QR' }).click();
    await expect(qr.getByTestId('qr-stopped')).toContainText('We stopped after 5 codes without a scan.');
    await snapshots(user, 'channels-qr-stopped');
    await qr.getByRole('button', { name: 'Generate a new QR code' }).click();
    await expect(qr.getByText('Code 1 of 5')).toBeVisible();
    await expect(qrImage).toBeVisible();

    // Or link by phone number: WHAPI's pairing code for the channel's number.
    await qr.getByText('Use phone number').click();
    await expect(qr.getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue(PHONE);
    await qr.getByRole('button', { name: 'Get pairing code' }).click();
    await expect(qr.getByTestId('pairing-code')).toContainText(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
    await snapshots(user, 'channels-pairing-code');

    // The phone scans it (the simulator links the account): the dialog closes and the card turns Active with the
    // exact message, in this same page.
    const linked = await user.request.post(`${E2E_WHAPI.url}/__sim/channels/${await channelRef(admin, first)}/link`, { data: {} });
    expect(linked.ok(), await linked.text()).toBe(true);
    await expect(user.getByText(CHANNEL_MESSAGES.connected)).toBeVisible({ timeout: 5_000 });
    await expect(qr).toBeHidden();
    await expect(sales.getByTestId('channel-status')).toHaveText('Active');
    await snapshots(user, 'channels-linked');

    // A second channel: the main balance (10) is short of the 30 days, so it waits for days.
    await user.getByRole('button', { name: 'Add Channel' }).click();
    await dialog.getByRole('textbox', { name: 'Channel name' }).fill(second);
    await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill(PHONE_2);
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog).toBeHidden();
    const support = card(user, second);
    await expect(support.getByTestId('channel-status')).toHaveText('Unauthorized');
    await expect(support.getByTestId('qr-blocked-reason')).toHaveText(CHANNEL_MESSAGES.qrPending);
    // The plan's two channels are used: Add Channel now says why it is off.
    await expect(user.getByTestId('channel-guard')).toHaveText(new RegExp(CHANNEL_MESSAGES.limitReached));
    await snapshots(user, 'channels-cards');

    // Admin → Channels: both channels, searchable.
    await admin.goto('/admin/channels');
    await expect(admin.getByRole('heading', { name: 'Channels' })).toBeVisible();
    await admin.getByRole('textbox', { name: 'Search' }).fill(stamp);
    await expect(admin.getByTestId('admin-channel-row')).toHaveCount(2);
    await snapshots(admin, 'admin-channels');
    // The user filter: a row's email shows only that user's channels.
    await admin.getByRole('textbox', { name: 'Search' }).fill('');
    const ownerEmail = (await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: /@/ }).textContent())!;
    await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: ownerEmail }).click();
    await expect(admin).toHaveURL(/userId=/);
    await expect(admin.getByTestId('user-filter')).toContainText(`User: ${ownerEmail}`);
    await expect(admin.getByTestId('admin-channel-row')).toHaveCount(2);

    // Activate the pending one by hand: 30 days by default, more than the main balance holds.
    await admin.getByRole('row', { name: new RegExp(second) }).getByRole('button', { name: `View ${second}` }).click();
    const drawer = admin.getByRole('dialog', { name: second });
    await expect(drawer.getByText('Not linked yet')).toBeVisible();
    await snapshots(admin, 'admin-channel-drawer');
    await drawer.getByRole('button', { name: `Activate (${PERIOD_DAYS} days)` }).click();
    const activate = admin.getByRole('dialog', { name: 'Activate channel' });
    await expect(activate.getByRole('textbox', { name: 'Days to allocate' })).toHaveValue(String(PERIOD_DAYS));
    await activate.getByRole('button', { name: `Activate (${PERIOD_DAYS} days)` }).click();
    await expect(activate.getByTestId('extend-error')).toContainText(MESSAGES.insufficientMainBalance);
    await snapshots(admin, 'admin-channel-insufficient');
    await activate.getByRole('link', { name: 'Open Billing & Balances' }).click();
    await expect(admin).toHaveURL(/\/admin\/balances$/);
    expect(await mainBalance(admin)).toBe(10);

    // The linked one: Re-authorize finds the phone still linked (WHAPI's 409), then Delete shows the refund
    // (29 whole days of the 30) and ends with the exact message.
    await admin.goto(`/admin/channels?q=${encodeURIComponent(first)}`);
    await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: `View ${first}` }).click();
    const linkedDrawer = admin.getByRole('dialog', { name: first });
    await expect(linkedDrawer.getByText('Linked', { exact: true })).toBeVisible();
    await linkedDrawer.getByRole('button', { name: 'Re-authorize' }).click();
    const reauthorize = admin.getByRole('dialog', { name: `Re-authorize ${first}` });
    await expect(reauthorize.getByTestId('qr-already-linked')).toContainText(CHANNEL_MESSAGES.alreadyLinked);
    await snapshots(admin, 'admin-channel-reauthorize');
    await reauthorize.getByRole('button', { name: 'Close' }).click();
    await expect(reauthorize).toBeHidden();
    // Its recent activity: created, days allocated, re-authorized.
    const activity = linkedDrawer.getByTestId('channel-audit');
    await expect(activity).toContainText('Channel created');
    await activity.scrollIntoViewIfNeeded();
    await snapshots(admin, 'admin-channel-drawer-activity');
    await linkedDrawer.getByRole('button', { name: 'Delete' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Delete this channel?' });
    await expect(confirm.getByTestId('delete-refund')).toContainText('29 days of unused time will be credited back');
    await snapshots(admin, 'admin-channel-delete');
    await confirm.getByRole('button', { name: 'Delete channel' }).click();
    await expect(admin.getByText(CHANNEL_MESSAGES.deleted)).toBeVisible();
    await expect(confirm).toBeHidden();
    await expect(linkedDrawer).toBeHidden();
    await expect(admin.getByText('No channels match these filters.')).toBeVisible();

    // The refund is in the ledger and the main balance.
    expect(await mainBalance(admin)).toBe(39);
    const ledger = (await call(admin, 'GET', '/api/admin/balances/transactions?type=refund')) as {
      items: { type: string; days: number; channel: { name: string | null } | null }[];
    };
    expect(ledger.items.find((row) => row.channel?.name === first)).toMatchObject({ type: 'refund', days: 29 });
    await admin.goto('/admin/balances');
    await expect(admin.getByTestId('main-balance')).toHaveText('Main Balance: 39 days');
    await snapshots(admin, 'admin-balances-after-refund');

    // The user's page follows: one channel left.
    await expect(card(user, first)).toHaveCount(0);
    await expect(card(user, second)).toBeVisible();

    // When the list cannot load, the page says so and retries without a reload.
    await user.route('**/api/channels', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Try again in a moment.' } }) }),
    );
    await user.reload();
    await expect(user.getByText("Couldn't load your channels")).toBeVisible();
    await snapshots(user, 'channels-error');
    await user.unroute('**/api/channels');
    await user.getByRole('button', { name: 'Retry' }).click();
    await expect(card(user, second)).toBeVisible();
  } finally {
    await call(admin, 'PATCH', '/api/admin/settings/whapi', { partnerToken: null });
  }
});
