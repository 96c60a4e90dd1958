import { expect, test, type Page } from '@playwright/test';
import { MESSAGING_MESSAGES } from '../../src/contracts/messaging';
import { USER_PAGES } from '../../src/domain/pages';
import { E2E_ADMIN, E2E_WHAPI } from './support/accounts';
import { call, connectSimulatorWhapi, newEmail, signIn, signUp, snapshots } from './support/journey';

// DOMAIN.md "Messaging", end to end against the WHAPI simulator: a user whose plan allows 100 messages a day and
// whose channel is linked sends one message and watches it go from sent to delivered in "Recent messages"; then
// starts a bulk campaign from an uploaded CSV (a header row and a repeated number among three numbers) and watches
// it complete; the Outbox lists all four messages and filters them by status and number; a slow campaign is paused,
// resumed and cancelled.
// Self-contained on the shared e2e server: it configures WHAPI for itself and leaves the token cleared, as
// whapi-settings.spec.ts and the others expect of a fresh install.

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const DAILY_LIMIT = 100;
const CHANNEL_PHONE = '+97336555000';
const SINGLE_TO = '+97336555101';
const BULK_TO = ['+97336555102', '+97336555103', '+97336555104'];
// A header row, the three numbers (one without its "+", as spreadsheets drop it) and one of them again.
const CSV = `phone,name\n${BULK_TO[0]},Ann\n${BULK_TO[1]},Bob\n${BULK_TO[2]!.slice(1)},Cy\n${BULK_TO[0]},Ann again\n`;

/** The simulator's id of the message WHAPI accepted for this number (the phone's side of the conversation). */
async function simMessageId(page: Page, to: string): Promise<string> {
  const digits = to.replace(/\D/g, '');
  let id: string | undefined;
  await expect
    .poll(async () => {
      const state = (await (await page.request.get(`${E2E_WHAPI.url}/__sim/state`)).json()) as {
        messages: { message: { id: string; chat_id: string; from_me: boolean } }[];
      };
      id = state.messages.find((record) => record.message.from_me && record.message.chat_id.startsWith(digits))?.message.id;
      return id;
    })
    .toBeTruthy();
  return id!;
}

test('messaging: send one message and see it delivered, run a bulk campaign from a CSV, find all four in the Outbox, pause and cancel a campaign', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  // The user's screens are checked in the dark colour scheme (as in channels.spec.ts), the admin only calls the API.
  const user = await (await browser.newContext({ colorScheme: 'dark' })).newPage();
  const stamp = Date.now().toString(36);
  const channelName = `Sales ${stamp}`;

  await signIn(admin, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(admin).toHaveURL(/\/(dashboard|admin)$/);
  const restoreWhapi = await connectSimulatorWhapi(admin);

  try {
    // A plan with every user page and 100 messages a day, bought offline and approved; days for its channel.
    await call(admin, 'POST', '/api/admin/balances/topup', { days: 30, note: `Messaging e2e ${stamp}` });
    const created = (await call(admin, 'POST', '/api/admin/plans', {
      name: `Messaging ${stamp}`,
      currency: 'USD',
      monthlyPriceMinor: 4900,
      billingPeriod: 'monthly',
      requestType: 'paid',
      paypalPlanId: null,
      visibility: 'both',
      sortOrder: 902,
      limits: { daily: DAILY_LIMIT, bulk: 1000, channels: 1, chatbots: 1 },
      pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])),
      features: ['1 WhatsApp number'],
    })) as { plan: { id: string } };
    await call(admin, 'POST', `/api/admin/plans/${created.plan.id}/publish`);

    await signUp(user, { name: `Sender ${stamp}`, email: newEmail('messaging'), password: 'messaging-user-password' });
    const upload = await user.request.post('/api/payments/offline', {
      headers: { origin: new URL(user.url()).origin },
      multipart: { planId: created.plan.id, reference: `MSG-${stamp}`, proof: { name: 'receipt.png', mimeType: 'image/png', buffer: PNG } },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const paymentId = ((await upload.json()) as { payment: { id: string } }).payment.id;
    await call(admin, 'POST', `/api/admin/payments/${paymentId}/approve`, { days: 30 });

    // Before a channel is linked, Send says so and points to Channels.
    await user.goto('/send');
    await expect(user.getByRole('heading', { name: 'Send', exact: true })).toBeVisible();
    await expect(user.getByTestId('no-channel')).toContainText(MESSAGING_MESSAGES.noChannel);
    await snapshots(user, 'send-no-channel');

    // The channel: created, given its days automatically, then linked by the phone (the simulator).
    await call(user, 'POST', '/api/channels', { name: channelName, phone: CHANNEL_PHONE });
    await expect
      .poll(async () => ((await call(user, 'GET', '/api/channels')) as { channels: { status: string }[] }).channels[0]?.status, { timeout: 30_000 })
      .toBe('active');
    const adminList = (await call(admin, 'GET', `/api/admin/channels?search=${encodeURIComponent(channelName)}`)) as {
      items: { name: string; channelRef: string }[];
    };
    const channelRef = adminList.items.find((item) => item.name === channelName)!.channelRef;
    const linked = await user.request.post(`${E2E_WHAPI.url}/__sim/channels/${channelRef}/link`, { data: {} });
    expect(linked.ok(), await linked.text()).toBe(true);
    await expect
      .poll(async () => ((await call(user, 'GET', '/api/channels')) as { channels: { authStatus: string }[] }).channels[0]?.authStatus, { timeout: 15_000 })
      .toBe('authorized');

    // Send: the linked channel is chosen already; a number without its country code is refused before sending.
    await user.reload();
    const form = user.getByRole('form', { name: 'Send a message' });
    await expect(user.getByTestId('usage-daily-value')).toHaveText(`0 / ${DAILY_LIMIT}`);
    await expect(form.getByRole('textbox', { name: 'Channel' })).toHaveValue(new RegExp(channelName));
    await form.getByRole('textbox', { name: 'Recipient' }).fill('3655');
    await form.getByRole('textbox', { name: 'Message', exact: true }).fill(`Hello from the e2e journey ${stamp}`);
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByText('Enter the number in international format, e.g. +97312345678.')).toBeVisible();
    await form.getByRole('textbox', { name: 'Recipient' }).fill('+973 3655 5101');
    await expect(form.getByText(`Sends to ${SINGLE_TO}`)).toBeVisible();
    await expect(form.getByText(/^\d+ \/ 4,096 characters$/)).toBeVisible();
    await snapshots(user, 'send-form');
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(user.getByText(MESSAGING_MESSAGES.queued)).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Recipient' })).toHaveValue('');

    // Recent messages follows it without a reload: sent by WHAPI, then delivered when the phone reports it.
    const recent = user.getByTestId('recent-message').filter({ hasText: SINGLE_TO });
    await expect(recent.getByTestId('message-status')).toHaveText(/Sent|Delivered|Read/, { timeout: 20_000 });
    await expect(user.getByTestId('usage-daily-value')).toHaveText(`1 / ${DAILY_LIMIT}`);
    const delivered = await user.request.post(`${E2E_WHAPI.url}/__sim/messages/${await simMessageId(user, SINGLE_TO)}/status`, { data: { status: 'delivered' } });
    expect(delivered.ok(), await delivered.text()).toBe(true);
    await expect(recent.getByTestId('message-status')).toHaveText('Delivered', { timeout: 15_000 });
    await snapshots(user, 'send-recent');

    // Bulk: a CSV upload fills the recipients and previews its lines; the server drops the header and the repeat.
    await user.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bulk' }).click();
    await expect(user).toHaveURL(/\/bulk$/);
    const campaignForm = user.getByRole('form', { name: 'New campaign' });
    await campaignForm.getByRole('textbox', { name: 'Campaign name' }).fill(`Launch ${stamp}`);
    await campaignForm.getByRole('textbox', { name: 'Message', exact: true }).fill('Our new menu is out. Reply STOP to opt out.');
    // A list without one valid number is refused by the server, and its words land under the field.
    const recipients = campaignForm.getByRole('textbox', { name: 'Recipients' });
    await recipients.fill('not a number\n+1 555');
    await campaignForm.getByRole('button', { name: 'Start campaign' }).click();
    await expect(recipients).toHaveAttribute('aria-invalid', 'true');
    await snapshots(user, 'bulk-recipients-error');
    await campaignForm.locator('input[type="file"]').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(campaignForm.getByTestId('recipients-count')).toHaveText('numbers.csv: 5 lines');
    await expect(recipients).toHaveValue(CSV);
    await expect(recipients).toHaveAttribute('aria-invalid', 'false');
    await expect(campaignForm.getByText('0 = send as fast as WhatsApp allows')).toBeVisible();
    await snapshots(user, 'bulk-form');
    await campaignForm.getByRole('button', { name: 'Start campaign' }).click();
    const createdAlert = campaignForm.getByTestId('campaign-created');
    await expect(createdAlert).toContainText(MESSAGING_MESSAGES.campaignStarted);
    await expect(createdAlert).toContainText(`“Launch ${stamp}” goes to 3 recipients. 1 duplicate removed, 1 line skipped.`);
    await expect(campaignForm.getByRole('textbox', { name: 'Recipients' })).toHaveValue('');

    // The campaign runs to the end on its own, and the table follows it without a reload.
    const row = user.getByTestId('campaign-row').filter({ hasText: `Launch ${stamp}` });
    await expect(row.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 30_000 });
    await expect(row.getByTestId('campaign-progress')).toHaveText('3 / 3');
    await snapshots(user, 'bulk-campaigns');
    await row.getByRole('button', { name: `View Launch ${stamp}` }).click();
    const drawer = user.getByRole('dialog', { name: `Launch ${stamp}` });
    await expect(drawer.getByTestId('campaign-message')).toHaveCount(3);
    for (const to of BULK_TO) await expect(drawer.getByTestId('campaign-message').filter({ hasText: to })).toHaveCount(1);
    await snapshots(user, 'bulk-campaign-drawer');
    await drawer.getByRole('link', { name: 'Open in Outbox' }).click();
    await expect(user).toHaveURL(/\/outbox\?campaignId=/);
    await expect(user.getByTestId('campaign-filter')).toContainText(`Campaign: Launch ${stamp}`);
    await expect(user.getByTestId('outbox-row')).toHaveCount(3);

    // Outbox: all four messages, then filtered by status and by part of a number.
    await user.getByRole('button', { name: 'Clear filters' }).click();
    await expect(user.getByTestId('outbox-row')).toHaveCount(4);
    await expect(user.getByTestId('outbox-total')).toHaveText('Showing 1–4 of 4 messages');
    await snapshots(user, 'outbox');
    await user.getByRole('textbox', { name: 'Status' }).click();
    await user.getByRole('option', { name: 'Delivered' }).click();
    await expect(user).toHaveURL(/status=delivered/);
    await expect(user.getByTestId('outbox-row')).toHaveCount(1);
    await expect(user.getByTestId('outbox-row')).toContainText(SINGLE_TO);
    await user.getByRole('button', { name: 'Clear filters' }).click();
    await user.getByRole('textbox', { name: 'Search number' }).fill('555103');
    // The router quotes a number-like search (q=%22555103%22) so it comes back as text.
    await expect(user).toHaveURL(/q=(%22)?555103/);
    await expect(user.getByTestId('outbox-row')).toHaveCount(1);
    await expect(user.getByTestId('outbox-row')).toContainText(BULK_TO[1]!);
    await expect(user.getByTestId('outbox-row')).toContainText(`Launch ${stamp}`);
    await snapshots(user, 'outbox-filtered');

    // A slow campaign (ten minutes between messages) can be paused, resumed and, after a confirmation, cancelled.
    // It reuses two numbers so the simulator's trial channel stays within its five chats.
    await user.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Bulk' }).click();
    await campaignForm.getByRole('textbox', { name: 'Campaign name' }).fill(`Slow ${stamp}`);
    await campaignForm.getByRole('textbox', { name: 'Message', exact: true }).fill('A reminder, one at a time.');
    await campaignForm.getByRole('textbox', { name: 'Recipients' }).fill(`${BULK_TO[0]}\n${BULK_TO[1]}`);
    await expect(campaignForm.getByTestId('recipients-count')).toHaveText('2 lines');
    await campaignForm.getByRole('textbox', { name: 'Seconds between messages' }).fill('600');
    await campaignForm.getByRole('button', { name: 'Start campaign' }).click();
    await expect(campaignForm.getByTestId('campaign-created')).toContainText(`“Slow ${stamp}” goes to 2 recipients.`);
    const slow = user.getByTestId('campaign-row').filter({ hasText: `Slow ${stamp}` });
    await expect(slow.getByTestId('campaign-status')).toHaveText('Running');
    await slow.getByRole('button', { name: `Pause Slow ${stamp}` }).click();
    await expect(slow.getByTestId('campaign-status')).toHaveText('Paused');
    await snapshots(user, 'bulk-campaign-paused');
    await slow.getByRole('button', { name: `Resume Slow ${stamp}` }).click();
    await expect(slow.getByTestId('campaign-status')).toHaveText('Running');
    await slow.getByRole('button', { name: `Cancel Slow ${stamp}` }).click();
    const confirm = user.getByRole('dialog', { name: 'Cancel this campaign?' });
    await expect(confirm).toContainText(`“Slow ${stamp}”`);
    await snapshots(user, 'bulk-campaign-cancel');
    await confirm.getByRole('button', { name: 'Cancel campaign' }).click();
    await expect(confirm).toBeHidden();
    await expect(slow.getByTestId('campaign-status')).toHaveText('Cancelled');
    await expect(slow.getByRole('button', { name: `Cancel Slow ${stamp}` })).toHaveCount(0);
    await expect(slow.getByRole('button', { name: `Resume Slow ${stamp}` })).toHaveCount(0);
  } finally {
    await restoreWhapi();
  }
});
