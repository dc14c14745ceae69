import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OnlyForAdmins } from '@/app/_client/OnlyForAdmins';
import { adminPageViewer } from '@/app/_server/session';
import { listReviewerAccounts } from '@/db/accounts';
import { MIN_PASSWORD_LENGTH } from '@/db/auth';
import { ReviewerManager } from './ReviewerManager';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Reviewers' };

export default async function ReviewersPage() {
  const db = appDatabase();
  await connection();
  const viewer = await adminPageViewer('/reviewers');
  if (!viewer) return <OnlyForAdmins what="manage reviewers" />;
  return (
    <div className="page">
      <h1>Reviewers</h1>
      <p className="lede">
        Accounts are created here; there is no open registration. Disabling an account signs it out everywhere and stops its API
        tokens; its annotations stay.
      </p>
      <ReviewerManager initial={await listReviewerAccounts(db, viewer)} selfId={viewer.id} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
