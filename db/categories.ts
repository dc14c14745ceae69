import 'server-only';
import { requireAdmin, type Viewer } from './access';
import { asc, eq, max } from 'drizzle-orm';
import { AppError } from '../lib/errors';
import { categoryKey } from '../lib/figures/category';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import { figureCategories, figureDetails } from './schema';

export async function listCategories(db: Database): Promise<string[]> {
  return db.read((conn) => categoryNames(conn));
}

export async function categoryNames(conn: Conn): Promise<string[]> {
  const rows = await conn
    .select({ name: figureCategories.name })
    .from(figureCategories)
    .orderBy(asc(figureCategories.position), asc(figureCategories.id));
  return rows.map((row) => row.name);
}

export async function addCategory(db: Database, viewer: Viewer, name: string): Promise<string[]> {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  const key = categoryKey(name);
  if (!key) throw new AppError('category_blank', 'A category needs a name.');
  return db.write(async (tx) => {
    if ((await categoryNames(tx)).includes(key)) {
      throw new AppError('category_exists', `There is already a category “${key}”.`);
    }
    await ensureCategory(tx, key, reviewerId);
    return categoryNames(tx);
  });
}

/** Adds a category at the end of the list unless it exists (imports bring their own). */
export async function ensureCategory(tx: Tx, name: string, reviewerId: number): Promise<void> {
  const key = categoryKey(name);
  if (!key) throw new AppError('category_blank', 'A category needs a name.');
  if ((await categoryNames(tx)).includes(key)) return;
  const [last] = await tx.select({ position: max(figureCategories.position) }).from(figureCategories);
  const at = nowIso();
  const [row] = await tx
    .insert(figureCategories)
    .values({ name: key, position: (last?.position ?? 0) + 1, createdAt: at })
    .returning();
  await logChange(tx, { entityType: 'category', entityId: row!.id, articleId: null, reviewerId, action: 'create', before: null, after: row, at });
}

/** Removes an unused category; one that figures still count would leave them pointing nowhere. */
export async function removeCategory(db: Database, viewer: Viewer, name: string): Promise<string[]> {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  const key = categoryKey(name);
  return db.write(async (tx) => {
    const [row] = await tx.select().from(figureCategories).where(eq(figureCategories.name, key)).limit(1);
    if (!row) throw new AppError('category_not_found', `There is no category “${key}”.`);
    const [inUse] = await tx.select({ id: figureDetails.annotationId }).from(figureDetails).where(eq(figureDetails.category, key)).limit(1);
    if (inUse) {
      throw new AppError('category_in_use', `Figures still count “${key}”: change them to another category first.`);
    }
    await tx.delete(figureCategories).where(eq(figureCategories.id, row.id));
    await logChange(tx, { entityType: 'category', entityId: row.id, articleId: null, reviewerId, action: 'delete', before: row, after: null, at: nowIso() });
    return categoryNames(tx);
  });
}
