import { requireAdmin, type Viewer } from './access';
import { asc, eq, max } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { categoryKey } from '../lib/figures/category';
import { getDb, writeTransaction, type Tx } from './client';
import { nowIso } from './clock';
import { logChange } from './history-log';
import { figureCategories, figureDetails } from './schema';

export function listCategories(): string[] {
  return categoryNames(getDb());
}

export function categoryNames(db: Pick<Tx, 'select'>): string[] {
  return db
    .select({ name: figureCategories.name })
    .from(figureCategories)
    .orderBy(asc(figureCategories.position), asc(figureCategories.id))
    .all()
    .map((row) => row.name);
}

export function addCategory(viewer: Viewer, name: string): string[] {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  const key = categoryKey(name);
  if (!key) throw new AppError('category_blank', 'A category needs a name.');
  return writeTransaction((tx) => {
    if (categoryNames(tx).includes(key)) {
      throw new AppError('category_exists', `There is already a category “${key}”.`);
    }
    ensureCategory(tx, key, reviewerId);
    return categoryNames(tx);
  });
}

/** Adds a category at the end of the list unless it exists (imports bring their own). */
export function ensureCategory(tx: Tx, name: string, reviewerId: number): void {
  const key = categoryKey(name);
  if (!key) throw new AppError('category_blank', 'A category needs a name.');
  if (categoryNames(tx).includes(key)) return;
  const last = tx.select({ position: max(figureCategories.position) }).from(figureCategories).get();
  const at = nowIso();
  const row = tx
    .insert(figureCategories)
    .values({ name: key, position: (last?.position ?? 0) + 1, createdAt: at })
    .returning()
    .get();
  logChange(tx, { entityType: 'category', entityId: row.id, articleId: null, reviewerId, action: 'create', before: null, after: row, at });
}

/** Removes an unused category; one that figures still count would leave them pointing nowhere. */
export function removeCategory(viewer: Viewer, name: string): string[] {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  const key = categoryKey(name);
  return writeTransaction((tx) => {
    const row = tx.select().from(figureCategories).where(eq(figureCategories.name, key)).get();
    if (!row) throw new AppError('category_not_found', `There is no category “${key}”.`);
    const inUse = tx.select({ id: figureDetails.annotationId }).from(figureDetails).where(eq(figureDetails.category, key)).get();
    if (inUse) {
      throw new AppError('category_in_use', `Figures still count “${key}”: change them to another category first.`);
    }
    tx.delete(figureCategories).where(eq(figureCategories.id, row.id)).run();
    logChange(tx, { entityType: 'category', entityId: row.id, articleId: null, reviewerId, action: 'delete', before: row, after: null, at: nowIso() });
    return categoryNames(tx);
  });
}
