import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { describeSpan } from '../lib/anchoring/anchor';
import { reanchor } from '../lib/anchoring/reanchor';
import { AppError } from '../lib/errors';
import { carriedFigureFields } from '../lib/figures/patch';
import { readFigure } from '../lib/figures/read-figure';
import type { Label } from '../lib/labels';
import { accessibleArticle, annotationVisibilityCondition, requireAccessibleArticle, requireAdmin, type Viewer } from './access';
import { insertArticle } from './article-insert';
import { annotationState } from './annotation-details';
import { categoryNames } from './categories';
import { nowIso } from './clock';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import { annotations, articles, assignments, claimDetails, figureDetails, versionOrphans, type Annotation, type Article } from './schema';

/*
 * Article versions (issue 13, point 4). A new version is a new article row pointing at the
 * one it replaces; every live annotation of every layer is carried over by its quote and
 * context (lib/anchoring/reanchor), and what cannot be placed is recorded as an orphan of
 * the new version, never dropped. The old version and its annotations stay as they were.
 */

export interface VersionDraft {
  text: string;
  title?: string | null;
  publishedOn?: string | null;
  publishedTime?: string | null;
}

export interface CarryReport {
  article: Article;
  exact: number;
  fuzzy: number;
  orphans: number;
}

export interface VersionSummary {
  id: number;
  versionNumber: number;
  title: string;
  createdAt: string;
}

export interface OrphanView {
  annotationId: number;
  label: Label;
  quote: string;
  note: string;
  fromVersion: number;
}

export interface FigureChangeView {
  annotationId: number;
  quote: string;
  was: { min: number | null; max: number | null };
  now: { min: number | null; max: number | null };
  fromVersion: number;
}

/** Imports `draft` as the next version of article `articleId` and carries its annotations over. */
export async function createArticleVersion(db: Database, viewer: Viewer, articleId: number, draft: VersionDraft): Promise<CarryReport> {
  requireAdmin(viewer);
  return db.write(async (tx) => {
    await accessibleArticle(tx, viewer, articleId);
    const [previous] = await tx
      .select()
      .from(articles)
      .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
      .limit(1);
    if (!previous) throw new AppError('article_not_found', `There is no article ${articleId}.`);
    if (previous.nextVersionId !== null) {
      throw new AppError(
        'version_not_latest',
        `Article ${articleId} is version ${previous.versionNumber}; add the new version to the latest one (article ${previous.nextVersionId}'s line).`,
        { nextVersionId: previous.nextVersionId },
      );
    }
    const inserted = await insertArticle(
      tx,
      {
        text: draft.text,
        title: draft.title?.trim() || previous.title,
        source: previous.source,
        url: previous.url,
        // An update is published later than the story it replaces: its own date and time when given;
        // otherwise the story's date, and no time (the original's time of day would be wrong for it).
        publishedOn: draft.publishedOn || previous.publishedOn,
        publishedTime: draft.publishedOn ? draft.publishedTime : null,
      },
      viewer.id,
    );
    if (inserted.text === previous.text) {
      throw new AppError('version_unchanged', 'This text is the same as the current version: there is nothing new to import.');
    }
    const [article] = await tx
      .update(articles)
      .set({ versionNumber: previous.versionNumber + 1, previousVersionId: previous.id, sharing: previous.sharing })
      .where(eq(articles.id, inserted.id))
      .returning();
    await tx.update(articles).set({ nextVersionId: article!.id }).where(eq(articles.id, previous.id));
    await copyAssignments(tx, previous.id, article!.id);
    const counts = await carryAnnotations(tx, previous, article!, viewer.id);
    return { article: article!, ...counts };
  });
}

/** Reviewers assigned to the old version keep their place (and progress) on the new one. */
async function copyAssignments(tx: Tx, fromId: number, toId: number): Promise<void> {
  const at = nowIso();
  for (const row of await tx.select().from(assignments).where(eq(assignments.articleId, fromId))) {
    await tx.insert(assignments).values({ ...row, articleId: toId, createdAt: at, updatedAt: at });
  }
}

async function carryAnnotations(tx: Tx, previous: Article, article: Article, reviewerId: number) {
  const counts = { exact: 0, fuzzy: 0, orphans: 0 };
  const categories = await categoryNames(tx);
  const live = await tx
    .select()
    .from(annotations)
    .where(and(eq(annotations.articleId, previous.id), isNull(annotations.deletedAt)))
    .orderBy(asc(annotations.id));
  const at = nowIso();
  for (const old of live) {
    const placement = reanchor(article.text, old, previous.text.length);
    if (placement.kind === 'orphan') {
      await tx.insert(versionOrphans).values({ articleId: article.id, annotationId: old.id, createdAt: at });
      counts.orphans++;
      continue;
    }
    counts[placement.kind]++;
    const anchor = describeSpan(article.text, placement.start, placement.end);
    const [row] = await tx
      .insert(annotations)
      .values({
        articleId: article.id,
        reviewerId: old.reviewerId,
        label: old.label,
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        note: old.note,
        actorId: old.actorId,
        carriedFromId: old.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await copyDetails(tx, old, row!, placement.kind === 'fuzzy' ? article.text : null, categories);
    await logChange(tx, { entityType: 'annotation', entityId: row!.id, articleId: article.id, reviewerId, action: 'create', before: null, after: await annotationState(tx, row!.id), at });
  }
  return counts;
}

/**
 * Copies a figure's or claim's details to the carried annotation. A figure placed fuzzily
 * (its words changed) has its number read again from the new text (lib/figures/patch.ts).
 */
async function copyDetails(tx: Tx, old: Annotation, carried: Annotation, rereadFrom: string | null, categories: readonly string[]): Promise<void> {
  const [figure] = await tx.select().from(figureDetails).where(eq(figureDetails.annotationId, old.id)).limit(1);
  if (figure) {
    const reading = rereadFrom !== null && old.label === 'figure' ? readFigure(rereadFrom, carried, { categories }) : null;
    await tx.insert(figureDetails).values({ ...carriedFigureFields(figure, reading), annotationId: carried.id });
  }
  const [claim] = await tx.select().from(claimDetails).where(eq(claimDetails.annotationId, old.id)).limit(1);
  if (claim) await tx.insert(claimDetails).values({ ...claim, annotationId: carried.id });
}

async function articleById(conn: Conn, id: number): Promise<Article | undefined> {
  const [row] = await conn.select().from(articles).where(eq(articles.id, id)).limit(1);
  return row;
}

/** Every version of the article's line, oldest first (each one the viewer may open). */
export async function listVersions(db: Database, viewer: Viewer, articleId: number): Promise<VersionSummary[]> {
  return db.read(async (conn) => {
    let current = await accessibleArticle(conn, viewer, articleId);
    // Versions are few (an outlet's updates to one story): walking the links is cheap.
    const seen = new Set<number>([current.id]);
    while (current.previousVersionId !== null && !seen.has(current.previousVersionId)) {
      const previous = await articleById(conn, current.previousVersionId);
      if (!previous) break;
      seen.add(previous.id);
      current = previous;
    }
    const line: Article[] = [current];
    while (line[line.length - 1]!.nextVersionId !== null) {
      const nextId = line[line.length - 1]!.nextVersionId!;
      if (line.some((article) => article.id === nextId)) break;
      const next = await articleById(conn, nextId);
      if (!next) break;
      line.push(next);
    }
    const openable = new Set<number>();
    for (const article of line) {
      if (article.deletedAt !== null) continue;
      try {
        await accessibleArticle(conn, viewer, article.id);
        openable.add(article.id);
      } catch {
        // Not this viewer's to open: left out of the line.
      }
    }
    return line
      .filter((article) => openable.has(article.id))
      .map(({ id, versionNumber, title, createdAt }) => ({ id, versionNumber, title, createdAt }));
  });
}

/** Annotations of `layerId` that could not be placed in this version, with the version they came from. */
export async function listOrphans(db: Database, viewer: Viewer, articleId: number, layerId: number): Promise<OrphanView[]> {
  return db.read(async (conn) => {
    await requireAccessibleArticle(conn, viewer, articleId);
    return conn
      .select({
        annotationId: annotations.id,
        label: annotations.label,
        quote: annotations.quote,
        note: annotations.note,
        fromVersion: articles.versionNumber,
      })
      .from(versionOrphans)
      .innerJoin(annotations, eq(annotations.id, versionOrphans.annotationId))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(and(eq(versionOrphans.articleId, articleId), eq(annotations.reviewerId, layerId), annotationVisibilityCondition(viewer)))
      .orderBy(asc(annotations.start), asc(annotations.id));
  });
}

/** Carried figures of `layerId` whose number differs from the figure they were carried from. */
export async function listFigureChanges(db: Database, viewer: Viewer, articleId: number, layerId: number): Promise<FigureChangeView[]> {
  return db.read(async (conn) => {
    await requireAccessibleArticle(conn, viewer, articleId);
    const carried = (
      await conn
        .select({ id: annotations.id, quote: annotations.quote, carriedFromId: annotations.carriedFromId, min: figureDetails.valueMin, max: figureDetails.valueMax })
        .from(annotations)
        .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
        .where(
          and(
            eq(annotations.articleId, articleId),
            eq(annotations.reviewerId, layerId),
            eq(annotations.label, 'figure'),
            isNull(annotations.deletedAt),
            annotationVisibilityCondition(viewer),
          ),
        )
        .orderBy(asc(annotations.start))
    ).filter((row) => row.carriedFromId !== null);
    if (carried.length === 0) return [];
    const earlierRows = await conn
      .select({ id: annotations.id, min: figureDetails.valueMin, max: figureDetails.valueMax, fromVersion: articles.versionNumber })
      .from(annotations)
      .innerJoin(figureDetails, eq(figureDetails.annotationId, annotations.id))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(inArray(annotations.id, carried.map((row) => row.carriedFromId!)));
    const earlier = new Map(earlierRows.map((row) => [row.id, row]));
    const changes: FigureChangeView[] = [];
    for (const row of carried) {
      const before = earlier.get(row.carriedFromId!);
      if (!before || (before.min === row.min && before.max === row.max)) continue;
      changes.push({
        annotationId: row.id,
        quote: row.quote,
        was: { min: before.min, max: before.max },
        now: { min: row.min, max: row.max },
        fromVersion: before.fromVersion,
      });
    }
    return changes;
  });
}
