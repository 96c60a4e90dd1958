import { expect, test, type Page } from '@playwright/test';
import { WHAPI_TOKEN_BANNER } from '../../src/contracts/whapi-settings';
import { E2E_ADMIN, E2E_WHAPI } from './support/accounts';
import { signIn, snapshot } from './support/journey';

// One journey through the WHAPI integration against the simulator the e2e server is wired to: the banner
// while no token is stored, saving and testing the token, project + partner name, registering the partner days
// webhook, a days notice showing up as the partner balance, and clearing the token again.
// Serial and self-contained: it starts from a fresh database (no token) and ends there (token cleared).

const PARTNER_BALANCE = /Partner balance: [\d,.\s]+ days? remaining \(updated .+\)/;

function banner(page: Page) {
  return page.getByTestId('whapi-banner');
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main navigation' });
}

test('an admin connects WHAPI, registers the days webhook, sees the partner balance and clears the token', async ({ page, request }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);

  // No token yet: the admin's dashboard says so, with the way to fix it.
  await expect(banner(page)).toContainText(WHAPI_TOKEN_BANNER);
  await snapshot(page, 'whapi-banner-dashboard');
  await banner(page).getByRole('link', { name: 'Open WHAPI settings' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/whapi$/);
  await expect(page.getByRole('heading', { name: 'WHAPI Integration' })).toBeVisible();
  await expect(page.getByTestId('token-status')).toHaveText('Missing');

  // Save the partner token: stored, shown only by its last four characters, not verified yet.
  const tokenCard = page.getByRole('region', { name: 'Partner token' });
  await tokenCard.getByRole('textbox', { name: 'Partner token' }).fill(E2E_WHAPI.partnerToken);
  await tokenCard.getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByTestId('token-status')).toHaveText('Not verified');
  await expect(tokenCard.getByText(`••••${E2E_WHAPI.partnerToken.slice(-4)}`)).toBeVisible();

  // Test connection: success notice, token valid, and the banner goes away without a reload.
  await tokenCard.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected to WHAPI — \d+ project\(s\) found\.$/)).toBeVisible();
  await expect(page.getByTestId('token-status')).toHaveText('Valid');
  await expect(banner(page)).toHaveCount(0);

  // Project & partner: pick WHAPI's default project and set the partner name.
  const projectCard = page.getByRole('region', { name: 'Project & partner' });
  const project = projectCard.getByRole('textbox', { name: 'Project', exact: true });
  await expect(project).toBeEnabled();
  await project.click();
  await page.getByRole('option', { name: /\(default\)$/ }).click();
  await expect(project).toHaveValue(/\(default\)$/);
  await projectCard.getByRole('textbox', { name: 'Partner name' }).fill(E2E_WHAPI.partnerName);
  await projectCard.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Project and partner name saved.')).toBeVisible();

  // Webhooks: the URLs are shown; register the partner days webhook with WHAPI.
  const webhooksCard = page.getByRole('region', { name: 'Webhooks' });
  await expect(webhooksCard.getByRole('textbox', { name: 'Partner days webhook' })).toHaveValue(/\/api\/webhooks\/whapi\/partner\//);
  await expect(webhooksCard.getByRole('textbox', { name: 'Channel webhook pattern' })).toHaveValue(/\/api\/webhooks\/whapi\/channels\/\{channel_id\}\/[^/]+$/);
  // The days limit starts at its default (30 days) on a fresh install.
  await expect(webhooksCard.getByRole('textbox', { name: 'Notify when partner days fall to' })).toHaveValue('30 days');
  await webhooksCard.getByRole('button', { name: 'Register with WHAPI' }).click();
  await expect(webhooksCard.getByTestId('webhook-registered')).toContainText('Registered with WHAPI on');
  await snapshot(page, 'whapi-settings');

  // WHAPI sends a days notice to the registered webhook; it reaches us asynchronously, so reload until it shows.
  const notice = await request.post(`${E2E_WHAPI.url}/__sim/partner/days-notice`, { data: {} });
  expect(notice.ok(), `simulator answered ${notice.status()}`).toBe(true);
  const headerBalance = page.getByTestId('header-partner-balance');
  await expect(async () => {
    await page.reload();
    await expect(headerBalance).toContainText(PARTNER_BALANCE, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Billing & Balances: the same sentence in its card and the notice in the table, raw body on demand.
  await mainNav(page).getByRole('link', { name: 'Billing & Balances' }).click();
  await expect(page).toHaveURL(/\/admin\/balances$/);
  await expect(page.getByTestId('partner-balance-sentence')).toHaveText(PARTNER_BALANCE);
  const notices = page.getByRole('table', { name: 'Partner balance notices' });
  await expect(notices.getByRole('button', { name: 'Show raw' }).first()).toBeVisible();
  await notices.getByRole('button', { name: 'Show raw' }).first().click();
  await expect(page.getByTestId('notice-raw').first()).toContainText('"days"');
  await snapshot(page, 'admin-balances');

  // Clearing the token brings the banner back at once.
  await mainNav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/whapi$/);
  await page.getByRole('region', { name: 'Partner token' }).getByRole('button', { name: 'Clear token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the partner token?' });
  await dialog.getByRole('button', { name: 'Clear token' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('token-status')).toHaveText('Missing');
  await expect(banner(page)).toContainText(WHAPI_TOKEN_BANNER);
  await snapshot(page, 'whapi-settings-cleared');

  await mainNav(page).getByRole('region', { name: 'Admin console' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(banner(page)).toContainText(WHAPI_TOKEN_BANNER);
});
