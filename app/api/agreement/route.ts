import { z } from 'zod';
import { handle, validate } from '@/app/_server/http';
import { agreementForViewer } from '@/db/agreement';
import { agreementCsv } from '@/lib/agreement/csv';

// A strict pattern rather than coercion: Number() would also accept " 7", "7.0" or "1e3".
const agreementQuery = z.strictObject({
  article: z
    .string('give at most one article id')
    .regex(/^[1-9]\d{0,15}$/, 'article must be a positive whole number')
    .transform(Number)
    .optional(),
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).default('json'),
});

/**
 * Pairwise inter-annotator agreement, admins only: `?article=ID` for one article, the
 * whole library without it; `&format=csv` downloads one row per reviewer pair and label.
 */
export const GET = handle(async (request, _context, viewer, db) => {
  const params = new URL(request.url).searchParams;
  const { article, format } = validate(agreementQuery, {
    // A repeated parameter is an array, which the schema refuses rather than silently taking one.
    article: oneOrMany(params.getAll('article')),
    format: oneOrMany(params.getAll('format')),
  });
  const report = await agreementForViewer(db, viewer, article);
  if (format === 'json') {
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
  }
  const scope = article === undefined ? 'library' : `article-${article}`;
  return new Response(agreementCsv(report.pairs), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="agreement-${scope}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});

function oneOrMany(values: string[]): string | string[] | undefined {
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
}
