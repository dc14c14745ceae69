import { handle, parseId, readJson } from '@/app/_server/http';
import { updateReviewerBody } from '@/app/_server/schemas';
import { listReviewerAccounts, resetReviewerPassword, setReviewerDisabled } from '@/db/accounts';

/** Disable or re-enable an account, or set a new password; either ends the account's sessions. */
export const PATCH = handle(async (request, context: { params: Promise<{ id: string }> }, viewer, db) => {
  const id = parseId((await context.params).id, 'reviewer');
  const { disabled, password } = await readJson(request, updateReviewerBody);
  if (password !== undefined) await resetReviewerPassword(db, viewer, id, password);
  if (disabled !== undefined) await setReviewerDisabled(db, viewer, id, disabled);
  return Response.json({ reviewer: (await listReviewerAccounts(db, viewer)).find((reviewer) => reviewer.id === id) });
});
