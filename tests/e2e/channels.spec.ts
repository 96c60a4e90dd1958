import { expect, test, type Page } from '@playwright/test';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { MESSAGES } from '../../src/contracts/errors';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN, E2E_WHAPI } from './support/accounts';
import { call, connectSimulatorWhapi, newEmail, signIn, signUp, snapshots } from './support/journey';

// DOMAIN.md "Channels" and "Days", end to end against the WHAPI simulator: the admin tops up the main balance, a
// user with an approved plan adds a channel (days allocated automatically), shows the QR, the phone links and the
// card turns Active with the exact message without a reload; the admin deletes it and the unused days come back
// to the main balance; a hand activation without enough days says so, with the way to top up.
// Self-contained on the shared e2e server: it works from whatever main balance earlier journeys left (every
// figure is relative to it), configures WHAPI and leaves the token cleared and auto-allocation on again, as
// whapi-settings.spec.ts and the others expect of a fresh install.

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PERIOD_DAYS = 30;
const TOP_UP_DAYS = 40;
const PHONE = '+97336123456';
const PHONE_2 = '+97336123457';

function balanceText(days: number): string {
  return `Main Balance: ${days.toLocaleString('en-US')} ${days === 1 ? 'day' : 'days'}`;
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

function card(page: Page, name: string) {
  return page.getByRole('article', { name: `Channel ${name}` });
}

test('channels: top up, add with auto-allocation, link by QR, delete with refund, activate without enough days', async ({ browser }) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  await adminContext.grantPermissions(['clipboard-read', 'clipboard-write']);
  const admin = await adminContext.newPage();
  // The user's screens are checked in the dark scheme, the admin's in the light one.
  const user = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  const stamp = Date.now().toString(36);
  const first = `Sales ${stamp}`;
  const second = `Support ${stamp}`;

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/(dashboard|admin)$/);
  const restoreWhapi = await connectSimulatorWhapi(admin);

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

    // Billing & Balances → Top Up: 40 days for this journey.
    const before = await mainBalance(admin);
    await admin.goto('/admin/balances');
    await admin.getByRole('button', { name: 'Top Up' }).click();
    const topUp = admin.getByRole('dialog', { name: 'Top up the main balance' });
    await topUp.getByRole('textbox', { name: 'Days' }).fill(String(TOP_UP_DAYS));
    await topUp.getByRole('textbox', { name: 'Note' }).fill(`WHAPI invoice e2e-${stamp}`);
    await topUp.getByRole('button', { name: 'Top up' }).click();
    await expect(topUp).toBeHidden();
    await expect(admin.getByTestId('main-balance')).toHaveText(balanceText(before + TOP_UP_DAYS));

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
    expect(await mainBalance(admin)).toBe(before + TOP_UP_DAYS - PERIOD_DAYS);

    // Show QR: a real image, a countdown and the rotation counter; "Refresh QR" moves to the next code, and after
    // the fifth the dialog stops until asked again. The dialog's health polling is cut off here, so the link below
    // can only reach this page through the event stream (DOMAIN.md: within a second, without a reload).
    await user.route('**/api/channels/*/health', (route) => route.abort());
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
    const salesRef = await channelRef(admin, first);
    const linked = await user.request.post(`${E2E_WHAPI.url}/__sim/channels/${salesRef}/link`, { data: {} });
    expect(linked.ok(), await linked.text()).toBe(true);
    await expect(user.getByText(CHANNEL_MESSAGES.connected)).toBeVisible({ timeout: 5_000 });
    await expect(qr).toBeHidden();
    await expect(sales.getByTestId('channel-status')).toHaveText('Active');
    await snapshots(user, 'channels-linked');
    await user.unroute('**/api/channels/*/health');

    // A second channel while the admin allocates by hand (auto-allocation off): it waits for days.
    await call(admin, 'PUT', '/api/admin/settings/platform', { autoAllocate: false });
    await user.getByRole('button', { name: 'Add Channel' }).click();
    await dialog.getByRole('textbox', { name: 'Channel name' }).fill(second);
    await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill(PHONE_2);
    await dialog.getByRole('button', { name: 'Create channel' }).click();
    await expect(dialog).toBeHidden();
    await call(admin, 'PUT', '/api/admin/settings/platform', { autoAllocate: true });
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
    // "Copy token": fetched on request (and audited), straight to the clipboard.
    const firstRow = admin.getByRole('row', { name: new RegExp(first) });
    await firstRow.getByRole('button', { name: `Copy the channel token of ${first}` }).click();
    await expect(firstRow.getByRole('button', { name: `Copy the channel token of ${first}` })).toBeEnabled();
    const last4 = ((await firstRow.getByText(/^token ••••/).textContent()) ?? '').replace('token ••••', '');
    await expect.poll(() => admin.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${last4}$`));
    // The user filter: a row's email shows only that user's channels.
    await admin.getByRole('textbox', { name: 'Search' }).fill('');
    const ownerEmail = (await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: /@/ }).textContent())!;
    await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: ownerEmail }).click();
    await expect(admin).toHaveURL(/userId=/);
    await expect(admin.getByTestId('user-filter')).toContainText(`User: ${ownerEmail}`);
    await expect(admin.getByTestId('admin-channel-row')).toHaveCount(2);

    // Activate the pending one by hand: the plan's 30 days by default; one day more than the main balance holds is
    // refused with the exact message and the way to Billing & Balances.
    await admin.getByRole('row', { name: new RegExp(second) }).getByRole('button', { name: `View ${second}` }).click();
    const drawer = admin.getByRole('dialog', { name: second });
    await expect(drawer.getByText('Not linked yet')).toBeVisible();
    await snapshots(admin, 'admin-channel-drawer');
    await drawer.getByRole('button', { name: `Activate (${PERIOD_DAYS} days)` }).click();
    const activate = admin.getByRole('dialog', { name: 'Activate channel' });
    const daysInput = activate.getByRole('textbox', { name: 'Days to allocate' });
    await expect(daysInput).toHaveValue(String(PERIOD_DAYS));
    const tooMany = before + TOP_UP_DAYS - PERIOD_DAYS + 1;
    await daysInput.fill(String(tooMany));
    await activate.getByRole('button', { name: `Activate (${tooMany} days)` }).click();
    await expect(activate.getByTestId('extend-error')).toContainText(MESSAGES.insufficientMainBalance);
    await snapshots(admin, 'admin-channel-insufficient');
    await activate.getByRole('link', { name: 'Open Billing & Balances' }).click();
    await expect(admin).toHaveURL(/\/admin\/balances$/);
    expect(await mainBalance(admin)).toBe(before + TOP_UP_DAYS - PERIOD_DAYS);

    // The linked one: Re-authorize finds the phone still linked (WHAPI's 409), then Delete shows the refund
    // (29 whole days of the 30) and ends with the exact message.
    await admin.goto(`/admin/channels?q=${encodeURIComponent(first)}`);
    await admin.getByRole('row', { name: new RegExp(first) }).getByRole('button', { name: `View ${first}` }).click();
    const linkedDrawer = admin.getByRole('dialog', { name: first });
    await expect(linkedDrawer.getByText('Linked', { exact: true })).toBeVisible();

    // The phone removes the device: the channel is Disconnected, and the admin re-authorizes it with a fresh QR.
    // No event reaches the admin for someone else's channel, so the dialog learns of the link by polling health.
    const unlinked = await admin.request.post(`${E2E_WHAPI.url}/__sim/channels/${salesRef}/unlink`, { data: {} });
    expect(unlinked.ok(), await unlinked.text()).toBe(true);
    await expect(card(user, first).getByTestId('channel-status')).toHaveText('Disconnected');
    await linkedDrawer.getByRole('button', { name: 'Re-authorize' }).click();
    const reauthorize = admin.getByRole('dialog', { name: `Re-authorize ${first}` });
    await expect(reauthorize.getByRole('img', { name: `WhatsApp QR code for ${first}` })).toBeVisible();
    await snapshots(admin, 'admin-channel-reauthorize-qr');
    const relinked = await admin.request.post(`${E2E_WHAPI.url}/__sim/channels/${salesRef}/link`, { data: {} });
    expect(relinked.ok(), await relinked.text()).toBe(true);
    await expect(admin.getByText(CHANNEL_MESSAGES.connected)).toBeVisible({ timeout: 10_000 });
    await expect(reauthorize).toBeHidden();
    await expect(card(user, first).getByTestId('channel-status')).toHaveText('Active');

    // Asked again while the phone is linked, WHAPI answers 409: the dialog says so instead of showing a code.
    await linkedDrawer.getByRole('button', { name: 'Re-authorize' }).click();
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
    const afterRefund = before + TOP_UP_DAYS - PERIOD_DAYS + 29;
    expect(await mainBalance(admin)).toBe(afterRefund);
    const ledger = (await call(admin, 'GET', '/api/admin/balances/transactions?type=refund')) as {
      items: { type: string; days: number; channel: { name: string | null } | null }[];
    };
    expect(ledger.items.find((row) => row.channel?.name === first)).toMatchObject({ type: 'refund', days: 29 });
    await admin.goto('/admin/balances');
    await expect(admin.getByTestId('main-balance')).toHaveText(balanceText(afterRefund));
    await snapshots(admin, 'admin-balances-after-refund');

    // The user's page follows: one channel left.
    await expect(card(user, first)).toHaveCount(0);
    await expect(card(user, second)).toBeVisible();

    // An admin adds a channel for the user from Admin → Users; it shows on the user's page (auto-allocated).
    const found2 = (await call(admin, 'GET', `/api/admin/users?search=${encodeURIComponent(ownerEmail.trim())}`)) as { items: { id: string }[] };
    await admin.goto(`/admin/users/${found2.items[0]!.id}`);
    const third = `Backup ${stamp}`;
    await admin.getByTestId('user-channels').getByRole('button', { name: 'Add channel' }).click();
    const addForUser = admin.getByRole('dialog', { name: /^Add channel for / });
    await addForUser.getByRole('textbox', { name: 'Channel name' }).fill(third);
    await addForUser.getByRole('textbox', { name: 'WhatsApp number' }).fill('+97336999888');
    await addForUser.getByRole('button', { name: 'Create channel' }).click();
    await expect(addForUser).toBeHidden();
    await expect(admin.getByTestId('user-channels').getByText(third)).toBeVisible();
    await snapshots(admin, 'admin-user-add-channel');
    await user.reload();
    await expect(card(user, third)).toBeVisible();

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
    await call(admin, 'PUT', '/api/admin/settings/platform', { autoAllocate: true });
    await restoreWhapi();
  }
});
