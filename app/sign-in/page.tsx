import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { optionalViewer } from '@/app/_server/session';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  if (await optionalViewer()) redirect(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
  return (
    <div className="page sign-in-page">
      <h1>Sign in</h1>
      <p className="lede">Accounts are created by an admin. Ask yours if you do not have one or forgot your password.</p>
      <SignInForm next={next ?? '/'} />
    </div>
  );
}
