import { handle, readJson } from '@/app/_server/http';
import { createReviewerBody } from '@/app/_server/schemas';
import { createReviewerAccount, listReviewerAccounts } from '@/db/accounts';

export const GET = handle((_request, _context, viewer) => Response.json({ reviewers: listReviewerAccounts(viewer) }));

/** Admins create accounts; there is no open registration. */
export const POST = handle(async (request, _context, viewer) => {
  const reviewer = await createReviewerAccount(viewer, await readJson(request, createReviewerBody));
  return Response.json({ reviewer }, { status: 201 });
});
