import { eq } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { getDb } from './client';
import { reviewers, type Reviewer } from './schema';
import { LOCAL_REVIEWER_USERNAME } from './startup-data';

/**
 * The reviewer making the current request. Until accounts arrive this is the default
 * local reviewer; callers already go through here so sign-in changes one function.
 */
export function currentReviewer(): Reviewer {
  const reviewer = getDb().select().from(reviewers).where(eq(reviewers.username, LOCAL_REVIEWER_USERNAME)).get();
  if (!reviewer) throw new AppError('reviewer_missing', 500, 'The local reviewer is missing from the database.');
  return reviewer;
}
