import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { optionalViewer } from '@/app/_server/session';
import { safeReturnPath } from '@/lib/navigation/return-path';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  // Only paths on this site, checked here too so that the form never carries another site's address.
  const next = safeReturnPath((await searchParams).next);
  if (await optionalViewer()) redirect(next);
  return (
    <div className="page sign-in-page">
      <h1>Sign in</h1>
      <p className="lede">Accounts are created by an admin. Ask yours if you do not have one or forgot your password.</p>
      <SignInForm next={next} />
    </div>
  );
}
