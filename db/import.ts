import 'server-only';
import { eq, isNull } from 'drizzle-orm';
import { cleanName, nameKey } from '../lib/actors/names';
import { verifySpan } from '../lib/anchoring/anchor';
import { isAppError } from '../lib/errors';
import { requireAdmin, type Viewer } from './access';
import type { ExportActor, ExportArticle, ExportAuthor, ExportComparison } from '../lib/export/types';
import type { ImportedArticle, ImportProblem } from '../lib/import/types';
import { prepareArticleText } from '../lib/text/normalise';
import { countWords, deriveTitle } from '../lib/text/words';
import { DuplicateFinder } from '../lib/import/duplicates';
import { findActorIdByName } from './actors';
import { ensureLabelDetails } from './annotation-details';
import { insertArticlePrepared } from './article-insert';
import { categoryKey } from '../lib/figures/category';
import { ensureCategory } from './categories';
import { resolveEvent } from './comparisons';
import { nowIso } from './clock';
import { afterExplicitId } from './raw';
import type { Conn, Database, Tx } from './database';
import { logChange } from './history-log';
import {
  actorAliases,
  actors,
  annotations,
  articles,
  claimDetails,
  comparisonMembers,
  comparisons,
  figureDetails,
  reviewers,
} from './schema';

export type { ParsedImport as ParsedFile } from '../lib/import/parse-file';
import type { ParsedImport as ParsedFile } from '../lib/import/parse-file';
import { illFormedImportProblems } from '../lib/import/well-formed-import';
import { parsedSource, type ArticleSource } from '../lib/import/source';
import type { PhaseProgress } from '../lib/import/progress';

/** An article left out because its canonical URL is already taken (see lib/import/duplicates.ts). */
export interface SkippedArticle {
  file: string;
  line: number | null;
  title: string;
  url: string;
  /** The article already in the library under that URL; null when it repeats an earlier one of this upload. */
  existingArticleId: number | null;
}

export interface ImportReport {
  file: string;
  /** False when the file had problems: then nothing from it was written. */
  imported: boolean;
  articleIds: number[];
  annotationCount: number;
  comparisonCount: number;
  problems: ImportProblem[];
  /** Things imported differently from the file, e.g. an id already taken here. */
  notes: string[];
  /** Duplicates, not written (unless the import allowed duplicates). */
  skipped: SkippedArticle[];
}

export interface ImportOptions {
  /** Import articles whose canonical URL the library (or this upload) already has. */
  allowDuplicates?: boolean;
  /** Articles written per transaction; between two, other writers (the server) get their turn. */
  articlesPerTransaction?: number;
  /** Told how far the import is: often while checking, after every transaction while writing. */
  onProgress?: (progress: ImportProgress) => void;
}

/** Where an import is (lib/import/progress.ts turns it into a rate and a time left). */
export type ImportProgress = PhaseProgress;

/**
 * Articles per transaction. One fsync per commit (synchronous = FULL) is most of the cost of a
 * small transaction, so an import writes many articles per commit; 100 articles of news size
 * still hold the write lock for a few tens of milliseconds, short enough for the server's
 * requests to wait (they wait up to 1 s) rather than fail.
 */
export const ARTICLES_PER_TRANSACTION = 100;

type ParsedArticle = ParsedFile['articles'][number];

/** Raised inside a transaction when an article turns out bad while it is written. */
class FileRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('file refused');
  }
}

/** Checking yields to other work (the server's requests) this often, in articles. */
const CHECKS_BETWEEN_YIELDS = 200;

/** Imports one file parsed whole; see importSource. */
export async function importParsedFile(db: Database, viewer: Viewer, file: string, parsed: ParsedFile, options: ImportOptions = {}): Promise<ImportReport> {
  return importSource(db, viewer, file, parsedSource(parsed), options);
}

/**
 * Imports one file: every article, annotation and comparison in it, or — if the parser or
 * the checks here find any problem — nothing at all. The source is read twice: a first pass
 * checks every article (and finds the duplicates) and keeps only what it must (problems, the
 * lines to skip); the second parses again and writes a chunk of articles per short
 * transaction, yielding to the event loop between chunks, so neither the file nor its
 * articles are ever all in memory, and a large import from the command line never holds the
 * database long enough to turn a server's request into `database_busy`.
 * Articles whose canonical URL is already in the library, or earlier in the same file, are
 * skipped and listed in `report.skipped`, unless `allowDuplicates` is set.
 * Crosscheck JSONL keeps its ids (when free here), versions and timestamps, so a library
 * exported and imported into an empty database exports again byte for byte.
 */
export async function importSource(db: Database, viewer: Viewer, file: string, source: ArticleSource, options: ImportOptions = {}): Promise<ImportReport> {
  requireAdmin(viewer);
  const reviewerId = viewer.id;
  const report: ImportReport = { file, imported: false, articleIds: [], annotationCount: 0, comparisonCount: 0, problems: [], notes: [], skipped: [] };
  const progress = options.onProgress ?? (() => {});

  // Pass 1: check everything; write nothing.
  const checking = source.pass();
  const illFormed: ImportProblem[] = [];
  const unwritable: ImportProblem[] = [];
  const finder = options.allowDuplicates ? null : await db.read((conn) => libraryUrls(conn));
  // Articles are told apart by their position in the file: the same in both passes.
  const skippedAt = new Set<number>();
  let position = 0;
  let toWrite = 0;
  for await (const article of checking.articles) {
    position += 1;
    const formProblems = illFormedImportProblems([article], file);
    illFormed.push(...formProblems);
    if (formProblems.length === 0) unwritable.push(...checkArticle(article, file));
    if (finder && isDuplicate(finder, article, report)) skippedAt.add(position);
    else toWrite += 1;
    if (position % CHECKS_BETWEEN_YIELDS === 0) {
      progress({ phase: 'checking', done: position, total: null, fraction: checking.fraction() });
      await yieldToEventLoop();
    }
  }
  progress({ phase: 'checking', done: position, total: null, fraction: 1 });
  // As before streaming: parser and form problems first; the write checks only when there are none.
  report.problems = [...checking.problems(), ...illFormed];
  if (report.problems.length === 0) report.problems = unwritable;
  if (report.problems.length > 0) {
    report.skipped = [];
    return report;
  }

  // Pass 2: write, a chunk per transaction.
  const writing = source.pass();
  const chunkSize = Math.max(1, options.articlesPerTransaction ?? ARTICLES_PER_TRANSACTION);
  const annotationIds = new Map<number, number>();
  const comparisonsSeen = new Map<number, ExportComparison>();
  let written = 0;
  let chunk: ParsedArticle[] = [];
  const writeChunk = async () => {
    await db.write(async (tx) => {
      for (const article of chunk) {
        const articleProblems: ImportProblem[] = [];
        const id = article.exported
          ? await insertExportedArticle(tx, article.exported, annotationIds, report, articleProblems)
          : await insertImportedArticle(tx, article, reviewerId, report, articleProblems);
        if (articleProblems.length > 0) throw new FileRefused(articleProblems);
        report.articleIds.push(id);
        if (article.exported) for (const comparison of article.exported.comparisons) comparisonsSeen.set(comparison.id, comparison);
      }
    });
    written = report.articleIds.length;
    chunk = [];
    progress({ phase: 'writing', done: written, total: toWrite, fraction: toWrite === 0 ? 1 : written / toWrite });
  };
  try {
    position = 0;
    for await (const article of writing.articles) {
      position += 1;
      if (skippedAt.has(position)) continue;
      chunk.push(article);
      if (chunk.length < chunkSize) continue;
      if (written > 0) await yieldToEventLoop();
      await writeChunk();
    }
    // The file changed between the two passes: refuse the rest rather than write something unchecked.
    if (writing.problems().length > 0) throw new FileRefused(writing.problems());
    if (chunk.length > 0) {
      if (written > 0) await yieldToEventLoop();
      await writeChunk();
    }
    if (comparisonsSeen.size > 0) {
      await yieldToEventLoop();
      await db.write(async (tx) => {
        for (const [, comparison] of comparisonsSeen) {
          if (await insertExportedComparison(tx, comparison, annotationIds, report)) report.comparisonCount += 1;
        }
      });
    }
    report.imported = true;
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    // The checks above make this unreachable for every problem they know; should a new one
    // slip through, the report says exactly what was kept rather than pretending nothing was.
    report.problems = error.problems;
    report.articleIds = report.articleIds.slice(0, written);
    if (written > 0) report.notes.push(`${written} article${written === 1 ? ' was' : 's were'} written before the problem was found, and kept.`);
  }
  return report;
}

/** Lets other work on this process (the server's requests) run between two transactions. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The problems `insert…Article` would meet, found without writing anything. */
function checkArticle(article: ParsedArticle, file: string): ImportProblem[] {
  const at = where(article, file);
  const problems: ImportProblem[] = [];
  let text = article.exported?.text ?? article.text;
  if (!article.exported) {
    const prepared = prepareArticleText(article.text).text;
    if (article.annotations.length > 0 && prepared !== article.text) {
      // The parser maps offsets onto normalised text; text that still changes would misplace every span.
      return [{ ...at, message: 'the text is not normalised, so its annotation offsets cannot be trusted' }];
    }
    if (prepared.length === 0) return [{ ...at, message: 'The article has no text: paste or upload some text first.' }];
    text = prepared;
  }
  for (const span of article.exported?.annotations ?? article.annotations) {
    try {
      verifySpan(text, span);
    } catch (error) {
      problems.push({ ...at, message: spanProblem(span, error) });
    }
  }
  return problems;
}

function spanProblem(span: { label: string; start: number; end: number }, error: unknown): string {
  return `${span.label} ${span.start}–${span.end}: ${isAppError(error) ? error.message : String(error)}`;
}

/** The canonical URLs the library has (deleted articles do not count). */
async function libraryUrls(conn: Conn): Promise<DuplicateFinder> {
  return new DuplicateFinder(await conn.select({ id: articles.id, url: articles.url }).from(articles).where(isNull(articles.deletedAt)));
}

/** Whether the article's canonical URL is taken (by the library or earlier in this file); if so, it is reported as skipped. */
function isDuplicate(finder: DuplicateFinder, article: ParsedArticle, report: ImportReport): boolean {
  const url = article.exported?.url ?? article.url ?? null;
  const duplicate = finder.check(url);
  if (duplicate === null) return false;
  const at = where(article, report.file);
  report.skipped.push({ ...at, title: article.exported?.title ?? article.title ?? deriveTitle(prepareArticleText(article.text).text), url: url ?? '', existingArticleId: duplicate.existingArticleId });
  return true;
}

function where(article: { origin?: { file: string; line: number | null } }, fallbackFile: string) {
  return { file: article.origin?.file ?? fallbackFile, line: article.origin?.line ?? null };
}

/** A plain article (txt, md, html, doccano, brat, bulk JSONL) with optional annotations. */
async function insertImportedArticle(tx: Tx, article: ImportedArticle, reviewerId: number, report: ImportReport, problems: ImportProblem[]): Promise<number> {
  const at = where(article, report.file);
  if (article.annotations.length > 0 && prepareArticleText(article.text).text !== article.text) {
    // The parser maps offsets onto normalised text; text that still changes would misplace every span.
    problems.push({ ...at, message: 'the text is not normalised, so its annotation offsets cannot be trusted' });
    return 0;
  }
  let row;
  try {
    // The same insert as insertArticle, with statements prepared once (the transaction is the connection's).
    row = await insertArticlePrepared(tx, { text: article.text, title: article.title, source: article.source, url: article.url, publishedOn: article.publishedOn, publishedTime: article.publishedTime }, reviewerId);
  } catch (error) {
    problems.push({ ...at, message: isAppError(error) ? error.message : String(error) });
    return 0;
  }
  for (const annotation of article.annotations) {
    const inserted = await insertSpan(tx, row.id, row.text, annotation, reviewerId, problems, at);
    if (inserted === null) continue;
    report.annotationCount += 1;
    if (annotation.figure) await applyImportedFigure(tx, inserted, reviewerId, annotation.figure);
    if (annotation.claim?.status) await tx.update(claimDetails).set({ status: annotation.claim.status }).where(eq(claimDetails.annotationId, inserted));
  }
  return row.id;
}

async function insertSpan(
  tx: Tx,
  articleId: number,
  text: string,
  span: { label: 'claim' | 'actor' | 'figure'; start: number; end: number; quote: string; note?: string },
  reviewerId: number,
  problems: ImportProblem[],
  at: { file: string; line: number | null },
  keep?: {
    id?: number;
    version: number;
    createdAt: string;
    updatedAt: string;
    actorId?: number | null;
    /** A verdict given before the export: history keeps its time (lib/history/verdict-time.ts). */
    ratedClaim?: { status: string; ratedAt: string };
  },
): Promise<number | null> {
  let anchor;
  try {
    anchor = verifySpan(text, span);
  } catch (error) {
    problems.push({ ...at, message: spanProblem(span, error) });
    return null;
  }
  const now = nowIso();
  const [row] = await tx
    .insert(annotations)
    .values({
      ...(keep?.id !== undefined ? { id: keep.id } : {}),
      articleId,
      reviewerId,
      label: span.label,
      ...anchor,
      note: span.note?.trim() ?? '',
      // Set before the label's details are filled in, so no actor is made up from the quote.
      actorId: keep?.actorId ?? null,
      version: keep?.version ?? 1,
      createdAt: keep?.createdAt ?? now,
      updatedAt: keep?.updatedAt ?? now,
    })
    .returning();
  // Crosscheck JSONL brings every detail, so there is nothing to propose.
  await ensureLabelDetails(tx, row!, text, reviewerId, { propose: keep === undefined });
  await logChange(tx, { entityType: 'annotation', entityId: row!.id, articleId, reviewerId, action: 'create', before: null, after: { ...row!, ...(keep?.ratedClaim ? { claim: keep.ratedClaim } : {}), importedFrom: at.file }, at: now });
  return row!.id;
}

async function applyImportedFigure(tx: Tx, annotationId: number, reviewerId: number, figure: NonNullable<ImportedArticle['annotations'][number]['figure']>): Promise<void> {
  const changes: Partial<typeof figureDetails.$inferInsert> = {};
  if (figure.category !== undefined) {
    await ensureCategory(tx, figure.category, reviewerId);
    changes.category = categoryKey(figure.category);
  }
  if (figure.qualifier !== undefined) changes.qualifier = figure.qualifier;
  if (figure.min !== undefined) changes.valueMin = figure.min;
  if (figure.max !== undefined) changes.valueMax = figure.max;
  if (Object.keys(changes).length > 0) await tx.update(figureDetails).set(changes).where(eq(figureDetails.annotationId, annotationId));
}

/** Crosscheck JSONL: the article, its annotations and their details exactly as exported. */
async function insertExportedArticle(
  tx: Tx,
  exported: ExportArticle,
  annotationIds: Map<number, number>,
  report: ImportReport,
  problems: ImportProblem[],
): Promise<number> {
  const at = { file: report.file, line: null };
  const authorId = await ensureReviewer(tx, exported.author);
  const keepId = await isFree(tx, 'articles', exported.id);
  if (!keepId) report.notes.push(`Article ${exported.id} “${exported.title}” was given a new id: ${exported.id} is taken here.`);
  const [inserted] = await tx
    .insert(articles)
    .values({
      ...(keepId ? { id: exported.id } : {}),
      title: exported.title,
      source: exported.source,
      url: exported.url,
      publishedOn: exported.publishedOn,
      publishedTime: exported.publishedTime ?? null,
      text: exported.text,
      wordCount: countWords(exported.text),
      createdBy: authorId,
      createdAt: exported.createdAt,
      updatedAt: exported.updatedAt,
    })
    .returning();
  if (keepId) await afterExplicitId(tx, 'articles');
  const row = inserted!;
  await logChange(tx, { entityType: 'article', entityId: row.id, articleId: row.id, reviewerId: authorId, action: 'create', before: null, after: { id: row.id, title: row.title, importedFrom: report.file }, at: nowIso() });

  // One note for all renumbered annotations: re-importing a large export must not flood the report.
  let renumbered = 0;
  for (const annotation of exported.annotations) {
    const keep = (await isFree(tx, 'annotations', annotation.id)) ? annotation.id : undefined;
    const annotationAt = { ...at, line: null };
    const id = await insertSpan(tx, row.id, row.text, annotation, await ensureReviewer(tx, annotation.author), problems, annotationAt, {
      id: keep,
      version: annotation.version,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
      actorId: annotation.actor ? await ensureExportedActor(tx, annotation.actor, authorId) : null,
      ...(annotation.claim?.ratedAt ? { ratedClaim: { status: annotation.claim.status, ratedAt: annotation.claim.ratedAt } } : {}),
    });
    if (id === null) continue;
    if (keep === undefined) renumbered += 1;
    else await afterExplicitId(tx, 'annotations');
    annotationIds.set(annotation.id, id);
    report.annotationCount += 1;
    if (annotation.figure) {
      const figure = annotation.figure;
      await ensureCategory(tx, figure.category, authorId);
      await tx
        .update(figureDetails)
        .set({
          valueMin: figure.min,
          valueMax: figure.max,
          qualifier: figure.qualifier,
          vague: figure.vague,
          category: figure.category,
          counted: figure.counted,
          place: figure.place,
          time: figure.time,
          sourceActorId: figure.source ? await ensureExportedActor(tx, figure.source, authorId) : null,
          sourceText: figure.sourceText,
          sourceInferred: figure.sourceInferred,
        })
        .where(eq(figureDetails.annotationId, id));
    }
    if (annotation.claim) {
      await tx
        .update(claimDetails)
        .set({ status: annotation.claim.status, claimantActorId: annotation.claim.claimant ? await ensureExportedActor(tx, annotation.claim.claimant, authorId) : null })
        .where(eq(claimDetails.annotationId, id));
    }
  }
  if (renumbered > 0) {
    report.notes.push(`${renumbered} annotation${renumbered === 1 ? ' was' : 's were'} of “${exported.title}” given new ids: their ids are taken here.`);
  }
  return row.id;
}

async function insertExportedComparison(tx: Tx, comparison: ExportComparison, annotationIds: Map<number, number>, report: ImportReport): Promise<boolean> {
  const members = comparison.figures.map((figure) => annotationIds.get(figure.annotationId));
  if (members.some((id) => id === undefined)) {
    report.notes.push(`Comparison ${comparison.id} “${comparison.title}” was not imported: some of its figures are not in this file.`);
    return false;
  }
  const authorId = await ensureReviewer(tx, comparison.author);
  const keepId = await isFree(tx, 'comparisons', comparison.id);
  // The comparison lives in the layer its imported figures went into.
  const [firstMember] = await tx.select({ reviewerId: annotations.reviewerId }).from(annotations).where(eq(annotations.id, members[0]!)).limit(1);
  const layerId = firstMember?.reviewerId ?? authorId;
  const [row] = await tx
    .insert(comparisons)
    .values({
      ...(keepId ? { id: comparison.id } : {}),
      title: comparison.title,
      status: comparison.status,
      resolutionNote: comparison.resolutionNote,
      eventId: await resolveEvent(tx, comparison.event),
      createdBy: authorId,
      layerId,
      version: comparison.version,
      createdAt: comparison.createdAt,
      updatedAt: comparison.updatedAt,
    })
    .returning();
  if (keepId) await afterExplicitId(tx, 'comparisons');
  for (const [position, annotationId] of members.entries()) {
    await tx.insert(comparisonMembers).values({ comparisonId: row!.id, annotationId: annotationId!, position });
  }
  await logChange(tx, { entityType: 'comparison', entityId: row!.id, articleId: null, reviewerId: authorId, action: 'create', before: null, after: { ...row!, importedFrom: report.file }, at: nowIso() });
  return true;
}

async function isFree(conn: Conn, table: 'articles' | 'annotations' | 'comparisons', id: number): Promise<boolean> {
  const source = table === 'articles' ? articles : table === 'annotations' ? annotations : comparisons;
  const [taken] = await conn.select({ id: source.id }).from(source).where(eq(source.id, id)).limit(1);
  return taken === undefined;
}

/** Authors travel by username; one unknown here becomes a reviewer of that name. */
async function ensureReviewer(tx: Tx, author: ExportAuthor): Promise<number> {
  const [existing] = await tx.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.username, author.username)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(reviewers).values({ username: author.username, displayName: author.name, createdAt: nowIso() }).returning({ id: reviewers.id });
  return created!.id;
}

async function ensureExportedActor(tx: Tx, actor: ExportActor, reviewerId: number): Promise<number> {
  const existing = await findActorIdByName(tx, actor.name);
  if (existing !== null) return existing;
  const at = nowIso();
  const name = cleanName(actor.name);
  const [row] = await tx.insert(actors).values({ canonicalName: name, nameKey: nameKey(name), kind: actor.kind, createdBy: reviewerId, createdAt: at, updatedAt: at }).returning();
  for (const alias of actor.aliases) {
    if ((await findActorIdByName(tx, alias)) === null) await tx.insert(actorAliases).values({ actorId: row!.id, alias: cleanName(alias), aliasKey: nameKey(alias) });
  }
  await logChange(tx, { entityType: 'actor', entityId: row!.id, articleId: null, reviewerId, action: 'create', before: null, after: row, at });
  return row!.id;
}

