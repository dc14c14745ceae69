import type { Metadata } from 'next';
import { connection } from 'next/server';
import { pageViewer } from '@/app/_server/session';
import { listApiTokens } from '@/db/api-tokens';
import { TokenManager } from './TokenManager';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfilePage() {
  const db = appDatabase();
  await connection();
  const viewer = await pageViewer('/profile');
  return (
    <div className="page narrow">
      <h1>{viewer.displayName}</h1>
      <p className="lede">
        Signed in as <strong>{viewer.username}</strong> ({viewer.role}).
      </p>
      <h2>Personal API tokens</h2>
      <p>
        Scripts can use the JSON API with a token instead of a session: send <code>Authorization: Bearer &lt;token&gt;</code>. A token
        acts as you, with your role, until you revoke it or your account is disabled.
      </p>
      <TokenManager initial={await listApiTokens(db, viewer)} />
    </div>
  );
}
