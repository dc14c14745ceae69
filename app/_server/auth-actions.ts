'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signInWithPassword, signOut } from '@/db/accounts';
import { isAppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/navigation/return-path';
import { appDatabase } from '@/db/client';

export interface SignInState {
  error: string | null;
  username: string;
}

const signInForm = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
  next: z.string().max(2000).default('/'),
});

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const db = appDatabase();
  const parsed = signInForm.safeParse({ username: form.get('username') ?? '', password: form.get('password') ?? '', next: form.get('next') ?? '/' });
  const username = typeof form.get('username') === 'string' ? String(form.get('username')) : '';
  if (!parsed.success) return { error: 'Enter your username and password.', username };
  try {
    await signInWithPassword(db, parsed.data.username, parsed.data.password, await headers());
  } catch (error) {
    if (isAppError(error) && (error.status === 401 || error.status === 429)) return { error: error.message, username };
    console.error('Sign-in failed unexpectedly', error instanceof Error ? error.message : error);
    return { error: 'Signing in failed on the server. Try again in a moment.', username };
  }
  // Only paths on this site: a `next` pointing elsewhere would make the sign-in page an open redirect.
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const db = appDatabase();
  await signOut(db, await headers());
  redirect('/sign-in');
}
