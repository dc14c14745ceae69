import 'server-only';
import { and, inArray, isNull } from 'drizzle-orm';
import { annotationVisibilityCondition, type Viewer } from './access';
import { comparisonsForArticle } from './comparisons';
import type { Database } from './database';
import { everyInLayers, exportArticleIds, resolveLayer, type ExportSelection } from './export';
import { annotations, reviewers } from './schema';

// Ids per `inArray`: well under every engine's limit on bound parameters.
const IDS_PER_QUERY = 500;

/** What an export would hold, told on the Export page before the download starts. */
export interface ExportSummary {
  /** The layer's display name, or "All layers". */
  layer: string;
  articles: number;
  annotations: number;
  comparisons: number;
}

/**
 * Counts what exportArticles would yield for the same viewer and selection: the articles,
 * their annotations in the chosen layer, and the comparisons that travel with that layer
 * (each once, though a comparison across two articles is written with both).
 */
export async function summariseExport(db: Database, viewer: Viewer, selection: ExportSelection = {}): Promise<ExportSummary> {
  // One read, so the three counts are of the same moment.
  return db.read(async (conn) => {
    const layerIds = await resolveLayer(db, viewer, selection.layer);
    const articleIds = await exportArticleIds(db, viewer, selection.ids);
    const [named] = layerIds === null ? [] : await conn.select({ name: reviewers.displayName }).from(reviewers).where(inArray(reviewers.id, layerIds)).limit(1);
    const layer = layerIds === null ? 'All layers' : (named?.name ?? 'Unknown layer');
    if (articleIds.length === 0) return { layer, articles: 0, annotations: 0, comparisons: 0 };
    let annotationCount = 0;
    for (let from = 0; from < articleIds.length; from += IDS_PER_QUERY) {
      annotationCount += await conn.$count(
        annotations,
        and(
          inArray(annotations.articleId, articleIds.slice(from, from + IDS_PER_QUERY)),
          isNull(annotations.deletedAt),
          layerIds ? inArray(annotations.reviewerId, layerIds) : undefined,
          annotationVisibilityCondition(viewer),
        ),
      );
    }
    const comparisonIds = new Set<number>();
    for (const articleId of articleIds) {
      for (const comparison of await comparisonsForArticle(db, viewer, articleId)) {
        if (comparisonIds.has(comparison.id)) continue;
        if (layerIds === null || (await everyInLayers(db, comparison.annotationIds, layerIds))) comparisonIds.add(comparison.id);
      }
    }
    return { layer, articles: articleIds.length, annotations: annotationCount, comparisons: comparisonIds.size };
  });
}
