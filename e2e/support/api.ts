import { expect, type APIResponse } from '@playwright/test';
import { snapshotDatabase } from './database';

export type Label = 'claim' | 'actor' | 'figure';

export interface ErrorJson {
  error: { code: string; message: string; details?: unknown };
}

// No test creates this many rows: an id that is well-formed but names nothing.
export const UNKNOWN_ID = 987_654_321;

/** The body of a create-annotation request for the first occurrence of `quote` at or after `from`. */
export function spanOf(text: string, quote: string, label: Label = 'claim', from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`“${quote}” is not in the article`);
  return { label, start, end: start + quote.length, quote };
}

/** Checks an error answer: its status, its code, and that its message names each of `mentions`. */
export async function expectError(response: APIResponse, status: number, code: string, ...mentions: string[]): Promise<ErrorJson['error']> {
  const raw = await response.text();
  expect(response.status(), raw).toBe(status);
  const { error } = JSON.parse(raw) as ErrorJson;
  expect(error.code, raw).toBe(code);
  for (const mention of mentions) expect(error.message).toContain(mention);
  return error;
}

/** Sends a request that must fail, and proves it failed without writing to any table. */
export async function expectRejected(send: () => Promise<APIResponse>, status: number, code: string, ...mentions: string[]) {
  const before = await snapshotDatabase();
  const error = await expectError(await send(), status, code, ...mentions);
  expect(await snapshotDatabase()).toEqual(before);
  return error;
}
