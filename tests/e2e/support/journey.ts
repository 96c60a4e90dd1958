import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

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
