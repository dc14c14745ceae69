import { readBoundedForm } from '@/app/_server/bounded-body';
import { errorResponse, handle } from '@/app/_server/http';
import { requireAdmin } from '@/db/access';
import { importSource, type ImportProgress, type ImportReport } from '@/db/import';
import { AppError, isAppError } from '@/lib/errors';
import { parseImportFile } from '@/lib/import/parse-file';
import { jsonlSource, parsedSource, type ArticleSource } from '@/lib/import/source';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
// The file plus the multipart framing around it (boundaries, headers of the part).
const MAX_FORM_BYTES = MAX_FILE_BYTES + 64 * 1024;
/** Progress lines at most this often (the last of each phase always goes). */
const PROGRESS_EVERY_MS = 200;

/** The answer to an import: 201 written, 200 when every article was a skipped duplicate, 422 refused. */
function reportResponse(fileName: string, report: ImportReport): Response {
  if (!report.imported) {
    const count = report.problems.length;
    return errorResponse(new AppError('import_refused', `“${fileName}” was not imported: ${count} problem${count === 1 ? '' : 's'} found. Nothing from it was written.`, { report }));
  }
  // Only duplicates, all skipped: nothing was created, and nothing was wrong either.
  return Response.json({ report }, { status: report.articleIds.length === 0 && report.skipped.length > 0 ? 200 : 201 });
}

/**
 * Imports one file (multipart field `file`). 201 with a report when everything in it was
 * written; 422 with the report's problems when anything was wrong, and then nothing was.
 * Articles whose URL the library already has are skipped and listed in `report.skipped`
 * (200 when that is all of them) unless `?allowDuplicates=true`.
 * With `Accept: application/x-ndjson` (the Import page) the answer streams instead: 200 at
 * once, `{"progress": …}` lines while the file is checked and written, and last
 * `{"status", "body"}` with the status and body the plain answer would have had.
 */
export const POST = handle(async (request, _context, viewer, db) => {
  let form: FormData;
  try {
    form = await readBoundedForm(request, MAX_FORM_BYTES);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('invalid_request', 'Send the file as multipart/form-data in a field named “file”.');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('invalid_request', 'Send the file in a form field named “file”.');
  if (file.size > MAX_FILE_BYTES) throw new AppError('payload_too_large', `“${file.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: use npm run import for big files.`);
  const allowDuplicates = new URL(request.url).searchParams.get('allowDuplicates') === 'true';
  // JSONL is read a line at a time, as the command line reads it; other files whole.
  const source: ArticleSource = /\.(jsonl|ndjson)$/i.test(file.name)
    ? jsonlSource(file.name, file.size, () => file.stream() as unknown as AsyncIterable<Uint8Array>)
    : parsedSource(parseImportFile(file.name, new Uint8Array(await file.arrayBuffer())));

  if (!request.headers.get('accept')?.includes('application/x-ndjson')) {
    return reportResponse(file.name, await importSource(db, viewer, file.name, source, { allowDuplicates }));
  }
  // Refused before the stream starts, so a reviewer gets a plain 403.
  requireAdmin(viewer);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      let sentAt = 0;
      const onProgress = (progress: ImportProgress) => {
        const now = Date.now();
        if (now - sentAt < PROGRESS_EVERY_MS && progress.fraction !== 1) return;
        sentAt = now;
        send({ progress });
      };
      let answer: Response;
      try {
        answer = reportResponse(file.name, await importSource(db, viewer, file.name, source, { allowDuplicates, onProgress }));
      } catch (error) {
        answer = errorResponse(error);
      }
      send({ status: answer.status, body: await answer.json() });
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
});
