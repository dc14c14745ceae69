import { and, count, inArray, isNull } from 'drizzle-orm';
import { annotationVisibilityCondition, type Viewer } from './access';
import { getDb } from './client';
import { comparisonsForArticle } from './comparisons';
import { everyInLayers, exportArticleIds, resolveLayer, type ExportSelection } from './export';
import { annotations, reviewers } from './schema';

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
export function summariseExport(viewer: Viewer, selection: ExportSelection = {}): ExportSummary {
  const db = getDb();
  const layerIds = resolveLayer(viewer, selection.layer);
  const articleIds = exportArticleIds(viewer, selection.ids);
  const layer =
    layerIds === null
      ? 'All layers'
      : (db.select({ name: reviewers.displayName }).from(reviewers).where(inArray(reviewers.id, layerIds)).get()?.name ?? 'Unknown layer');
  if (articleIds.length === 0) return { layer, articles: 0, annotations: 0, comparisons: 0 };
  const annotationCount =
    db
      .select({ n: count() })
      .from(annotations)
      .where(
        and(
          inArray(annotations.articleId, articleIds),
          isNull(annotations.deletedAt),
          layerIds ? inArray(annotations.reviewerId, layerIds) : undefined,
          annotationVisibilityCondition(viewer),
        ),
      )
      .get()?.n ?? 0;
  const comparisonIds = new Set<number>();
  for (const articleId of articleIds) {
    for (const comparison of comparisonsForArticle(viewer, articleId)) {
      if (layerIds === null || everyInLayers(comparison.annotationIds, layerIds)) comparisonIds.add(comparison.id);
    }
  }
  return { layer, articles: articleIds.length, annotations: annotationCount, comparisons: comparisonIds.size };
}
