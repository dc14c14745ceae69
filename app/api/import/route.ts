import { readBoundedForm } from '@/app/_server/bounded-body';
import { handle } from '@/app/_server/http';
import { importParsedFile } from '@/db/import';
import { AppError, isAppError } from '@/lib/errors';
import { parseImportFile } from '@/lib/import/parse-file';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
// The file plus the multipart framing around it (boundaries, headers of the part).
const MAX_FORM_BYTES = MAX_FILE_BYTES + 64 * 1024;

/**
 * Imports one file (multipart field `file`). 201 with a report when everything in it was
 * written; 422 with the report's problems when anything was wrong, and then nothing was.
 * Articles whose URL the library already has are skipped and listed in `report.skipped`
 * (200 when that is all of them) unless `?allowDuplicates=true`.
 */
export const POST = handle(async (request, _context, viewer) => {
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
  const parsed = parseImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
  const allowDuplicates = new URL(request.url).searchParams.get('allowDuplicates') === 'true';
  const report = await importParsedFile(viewer, file.name, parsed, { allowDuplicates });
  if (!report.imported) {
    const count = report.problems.length;
    throw new AppError('import_refused', `“${file.name}” was not imported: ${count} problem${count === 1 ? '' : 's'} found. Nothing from it was written.`, { report });
  }
  // Only duplicates, all skipped: nothing was created, and nothing was wrong either.
  return Response.json({ report }, { status: report.articleIds.length === 0 && report.skipped.length > 0 ? 200 : 201 });
});
