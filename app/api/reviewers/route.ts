import { handle, readJson } from '@/app/_server/http';
import { createReviewerBody } from '@/app/_server/schemas';
import { createReviewerAccount, listReviewerAccounts } from '@/db/accounts';

export const GET = handle(async (_request, _context, viewer, db) => Response.json({ reviewers: await listReviewerAccounts(db, viewer) }));

/** Admins create accounts; there is no open registration. */
export const POST = handle(async (request, _context, viewer, db) => {
  const reviewer = await createReviewerAccount(db, viewer, await readJson(request, createReviewerBody));
  return Response.json({ reviewer }, { status: 201 });
});
