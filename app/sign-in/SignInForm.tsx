'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/_server/auth-actions';
import { FormMessage } from '@/app/_client/FormMessage';

const initial: SignInState = { error: null, username: '' };

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className="stacked-form sign-in-form">
      <input type="hidden" name="next" value={next} />
      <label>
        Username
        <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required defaultValue={state.username} autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FormMessage message={state.error ? { kind: 'error', text: state.error } : null} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
