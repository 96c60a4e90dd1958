import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { E2E_WHAPI } from './accounts';

let counter = 0;
export function newEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.omniplus.test`;
}

/** Saved as CI artifacts in test-results/screenshots: one per main page and state. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function signUp(page: Page, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}

/** A call to our API from a signed-in page's cookies, with the Origin a browser would send. */
export async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const request: APIRequestContext = page.request;
  const origin = new URL(page.url()).origin;
  return method === 'GET'
    ? request.get(path)
    : request.post(path, { data: data ?? {}, headers: { origin } });
}

/** A JSON call to our API with the page's cookies and the Origin a browser would send; fails the test unless 2xx. */
export async function call(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(path, {
    method,
    headers: method === 'GET' ? {} : { origin },
    data: method === 'GET' ? undefined : (data ?? {}),
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/** Every screen at desktop width and at 390 px (a phone), as CI artifacts. */
export async function snapshots(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize() ?? { width: 1280, height: 720 };
  await snapshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  // The app shell animates its navbar away at phone width; let it settle so the picture shows the real layout.
  await page.waitForTimeout(400);
  await snapshot(page, `${name}-390`);
  await page.setViewportSize(desktop);
}

/**
 * WHAPI as the simulator's partner, with its default project for new channels (the admin's page is signed in).
 * Returns what puts the settings back as they were found, for the journey's `finally`.
 */
export async function connectSimulatorWhapi(admin: Page): Promise<() => Promise<void>> {
  const found = (await call(admin, 'GET', '/api/admin/settings/whapi')) as { projectId: string | null; partnerName: string | null };
  await call(admin, 'PATCH', '/api/admin/settings/whapi', { partnerToken: E2E_WHAPI.partnerToken, partnerName: E2E_WHAPI.partnerName });
  const { projects } = (await call(admin, 'GET', '/api/admin/settings/whapi/projects')) as { projects: { id: string; isDefault: boolean }[] };
  await call(admin, 'PATCH', '/api/admin/settings/whapi', { projectId: projects.find((project) => project.isDefault)!.id });
  return async () => {
    await call(admin, 'PATCH', '/api/admin/settings/whapi', { partnerToken: null, projectId: found.projectId, partnerName: found.partnerName });
  };
}
