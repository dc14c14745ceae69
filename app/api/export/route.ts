import { handle, validate } from '@/app/_server/http';
import { exportQuery } from '@/app/_server/schemas';
import { countExportArticles, exportArticles, exportContext } from '@/db/export';
import { AppError } from '@/lib/errors';
import { EXPORT_FORMATS, exportFileSuffix, exportFormat } from '@/lib/export/formats';
import { streamChunks } from '@/app/_server/stream';

/**
 * Downloads an export: `?format=NAME`, optionally `&layer=gold|all|USERNAME` (gold by default for
 * admins, their own layer for reviewers) and `&article=ID` (repeatable; all
 * articles when absent). The body streams article by article, so memory stays flat.
 */
export const GET = handle(async (request, _context, viewer, db) => {
  const url = new URL(request.url);
  const { format: name, article, layer } = validate(exportQuery, {
    format: url.searchParams.get('format') ?? undefined,
    layer: url.searchParams.get('layer') ?? undefined,
    article: url.searchParams.getAll('article'),
  });
  const format = exportFormat(name);
  if (!format) {
    throw new AppError('format_unknown', `There is no export format “${name}”. Choose one of ${EXPORT_FORMATS.map((f) => f.name).join(', ')}.`);
  }
  const ids = article.length > 0 ? article : undefined;
  // Checked before streaming starts, so an unknown article is a clean 404 rather than a broken download.
  await countExportArticles(db, viewer, { ids, layer });
  const chunks = format.write(exportArticles(db, viewer, { ids, layer }), exportContext(url.origin));
  const scope = ids?.length === 1 ? `article-${ids[0]}` : ids ? `${ids.length}-articles` : 'library';
  const layerName = layer ?? (viewer.role === 'admin' ? 'gold' : viewer.username);
  const filename = `crosscheck-${scope}-${layerName}-${new Date().toISOString().slice(0, 10)}.${exportFileSuffix(format)}`;
  return new Response(streamChunks(chunks), {
    headers: {
      'Content-Type': format.contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
