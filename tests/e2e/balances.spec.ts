import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_WHAPI } from './support/accounts';
import { signIn, snapshot } from './support/journey';

// Admin → Billing & Balances: top up the main balance, see it in the card, the ledger and the CSV export, then sync
// it with a partner days notice sent by the WHAPI simulator. Works from whatever balance earlier journeys left, and
// leaves the WHAPI settings as it found them (no token), so the WHAPI settings journey still starts from scratch.

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

async function mainBalance(page: Page): Promise<number> {
  const text = (await page.getByTestId('main-balance').textContent()) ?? '';
  const match = /^Main Balance: ([\d,]+) days?$/.exec(text.trim());
  if (!match) throw new Error(`unexpected main balance text: ${text}`);
  return Number(match[1]!.replaceAll(',', ''));
}

async function adminApi(page: Page, method: 'PATCH' | 'POST', path: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(path, { method, data, headers: { origin } });
  expect(response.ok(), `${method} ${path} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return response;
}

test('an admin tops up the main balance, finds it in the ledger and the CSV, and syncs with the partner balance', async ({ page, request }) => {
  const note = `E2E WHAPI invoice ${Date.now().toString(36)}`;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await mainNav(page).getByRole('link', { name: 'Billing & Balances' }).click();
  await expect(page).toHaveURL(/\/admin\/balances$/);
  await expect(page.getByTestId('main-balance')).toBeVisible();
  await expect(page.getByTestId('ledger-check')).toHaveText('Ledger consistent');
  const before = await mainBalance(page);

  // Top Up: empty fields are refused with their messages, then 30 days with a note.
  const card = page.getByRole('region', { name: 'Main balance' });
  await card.getByRole('button', { name: 'Top Up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Top up the main balance' });
  await dialog.getByRole('button', { name: 'Top up' }).click();
  await expect(dialog.getByText('Enter at least 1 day.')).toBeVisible();
  await expect(dialog.getByText('Add a note, e.g. the WHAPI invoice it mirrors.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Days' }).fill('30');
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await snapshot(page, 'admin-balances-top-up');
  await dialog.getByRole('button', { name: 'Top up' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('main-balance')).toHaveText(`Main Balance: ${(before + 30).toLocaleString('en-US')} days`);
  await expect(page.getByTestId('ledger-check')).toHaveText('Ledger consistent');

  // The ledger row: type, signed days, actor and note.
  const ledger = page.getByRole('table', { name: 'Balance transactions' });
  const row = ledger.getByRole('row').filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Top-up');
  await expect(row).toContainText('+30');
  await expect(row).toContainText(E2E_ADMIN.email);

  // Filter to top-ups and export: the CSV holds the same row.
  const ledgerCard = page.getByRole('region', { name: 'Transactions' });
  await ledgerCard.getByRole('textbox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Top-up' }).click();
  await expect(page).toHaveURL(/txType=topup/);
  await expect(ledger.getByRole('row').filter({ hasText: note })).toHaveCount(1);
  const exportLink = ledgerCard.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute('href', /transactions\.csv\?type=topup$/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^ledger-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const line = csv.split('\r\n').find((l) => l.includes(note));
  expect(line, csv).toBeDefined();
  expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,topup,30,/);
  expect(line).toContain(E2E_ADMIN.email);
  expect(csv.split('\r\n').slice(1, -1).every((l) => l.split(',')[1] === 'topup')).toBe(true);
  await snapshot(page, 'admin-balances');

  // A partner days notice from WHAPI: connect the simulator, register the days webhook, have it send a notice.
  await adminApi(page, 'PATCH', '/api/admin/settings/whapi', { partnerToken: E2E_WHAPI.partnerToken, partnerName: E2E_WHAPI.partnerName });
  await adminApi(page, 'POST', '/api/admin/settings/whapi/register-webhook', { daysLimit: 30 });
  const simState = await (await request.get(`${E2E_WHAPI.url}/__sim/state`)).json();
  const simDaysBefore = simState.partner.balanceDays as number;
  const partnerDays = before + 30 + 45;
  expect((await request.post(`${E2E_WHAPI.url}/__sim/partner/balance`, { data: { days: partnerDays } })).ok()).toBe(true);
  expect((await request.post(`${E2E_WHAPI.url}/__sim/partner/days-notice`, { data: {} })).ok()).toBe(true);

  const partnerCard = page.getByTestId('partner-balance-card');
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('partner-days')).toHaveText(partnerDays.toLocaleString('en-US'), { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Sync: the dialog shows the partner's figure, ours and the correction before anything is recorded.
  await partnerCard.getByRole('button', { name: 'Sync with partner balance' }).click();
  const confirm = page.getByRole('dialog', { name: 'Sync with partner balance?' });
  const figures = confirm.getByTestId('sync-figures');
  await expect(figures).toContainText(`Partner balance (WHAPI)${partnerDays.toLocaleString('en-US')} days`);
  await expect(figures).toContainText(`Main balance (ours)${(before + 30).toLocaleString('en-US')} days`);
  await expect(confirm.getByTestId('sync-correction')).toHaveText('+45 days');
  await snapshot(page, 'admin-balances-sync');
  await confirm.getByRole('button', { name: 'Record +45 days' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('main-balance')).toHaveText(`Main Balance: ${partnerDays.toLocaleString('en-US')} days`);
  await expect(page.getByTestId('ledger-check')).toHaveText('Ledger consistent');
  await expect(partnerCard.getByTestId('sync-state')).toHaveText('The main balance already equals the partner balance.');
  await expect(partnerCard.getByRole('button', { name: 'Sync with partner balance' })).toBeDisabled();

  // The sync row in the ledger (show every type again).
  await ledgerCard.getByRole('button', { name: 'Clear filters' }).click();
  await expect(ledger.getByRole('row').filter({ hasText: 'Partner sync' }).first()).toContainText('+45');

  // Leave WHAPI as the other journeys expect it: no token, the simulator's balance as it was.
  await adminApi(page, 'PATCH', '/api/admin/settings/whapi', { partnerToken: null });
  await request.post(`${E2E_WHAPI.url}/__sim/partner/balance`, { data: { days: simDaysBefore } });
});

test('the balances page fits a phone screen and reads in dark mode', async ({ page, request, baseURL }) => {
  // A customer, so the users overview has a row: no plan, no channels, no days.
  const customer = { name: 'Balance Viewer', email: `balance-viewer-${Date.now().toString(36)}@e2e.omniplus.test`, password: 'viewer password 1' };
  const signUp = await request.post('/api/auth/sign-up', { data: customer, headers: { origin: baseURL! } });
  expect(signUp.status(), await signUp.text()).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).not.toHaveURL(/\/sign-in$/);
  await page.goto('/admin/balances');
  await expect(page.getByTestId('main-balance')).toBeVisible();
  const users = page.getByRole('region', { name: 'Users overview' });
  await users.getByRole('textbox', { name: 'Search users' }).fill(customer.email);
  await expect(page).toHaveURL(/usersSearch=/);
  const row = page.getByRole('table', { name: 'Users overview' }).getByRole('row').filter({ hasText: customer.email });
  await expect(row).toContainText('No plan');
  await expect(row).toContainText('0 / 0');
  // Nothing but the tables' own scroll containers may be wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snapshot(page, 'admin-balances-phone');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await snapshot(page, 'admin-balances-dark');
});
