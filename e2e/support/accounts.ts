import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** The first admin's password on the e2e server (playwright.config.ts sets ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = 'e2e-admin-password';

/** Where the admin's signed-in browser state is kept for every spec (see auth.setup.ts). */
export function adminStatePath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts');
  return path.join(path.dirname(file), 'admin-state.json');
}

/** Where the e2e server's stdout and stderr are written (playwright.config.ts tees them there). */
export function serverLogPath(): string {
  const file = process.env.E2E_DATABASE_PATH;
  if (!file) throw new Error('E2E_DATABASE_PATH is not set: run the tests through playwright.config.ts');
  return path.join(path.dirname(file), 'server.log');
}

/** Signs in through the sign-in page, the way a person does. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export interface CreatedReviewer {
  id: number;
  username: string;
  password: string;
}

let counter = 0;

/** A username no other test uses: the prefix, then digits. */
export function uniqueUsername(prefix = 'reviewer'): string {
  counter += 1;
  return `${prefix}${Date.now() % 100_000}${counter}`.toLowerCase();
}

/** Creates a reviewer through the admin API (the `request` fixture is signed in as admin). */
export async function createReviewer(
  request: APIRequestContext,
  prefix = 'reviewer',
  role: 'reviewer' | 'admin' = 'reviewer',
  password?: string,
): Promise<CreatedReviewer> {
  const username = uniqueUsername(prefix);
  password ??= `pass-${username}-long`;
  const response = await request.post('/api/reviewers', { data: { username, displayName: prefix[0]!.toUpperCase() + prefix.slice(1), password, role } });
  expect(response.status(), await response.text()).toBe(201);
  const { reviewer } = (await response.json()) as { reviewer: { id: number } };
  return { id: reviewer.id, username, password };
}

export async function assign(request: APIRequestContext, articleId: number, reviewerId: number): Promise<void> {
  const response = await request.post(`/api/articles/${articleId}/assignments`, { data: { reviewerId } });
  expect(response.status(), await response.text()).toBe(201);
}

/** A fresh browser context signed in as someone else, for multi-reviewer tests. */
export async function contextSignedInAs(browser: Browser, username: string, password: string, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, username, password);
  return { context, page };
}

export function adminStateExists(): boolean {
  return fs.existsSync(adminStatePath());
}
