'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ErrorBody } from '@/app/_server/http';
import type { ImportReport } from '@/db/import';

interface FileResult {
  name: string;
  report: ImportReport | null;
  error: string | null;
}

/** Sends the files one by one, so each gets its own report and the progress bar moves per file. */
export function ImportForm() {
  const [results, setResults] = useState<FileResult[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);

  async function upload(files: File[]) {
    setBusy(true);
    setTotal(files.length);
    setResults([]);
    for (const file of files) {
      const body = new FormData();
      body.append('file', file);
      let result: FileResult;
      try {
        const response = await fetch('/api/import', { method: 'POST', body });
        const payload = (await response.json()) as { report?: ImportReport } & Partial<ErrorBody>;
        const report = payload.report ?? ((payload.error?.details as { report?: ImportReport } | undefined)?.report ?? null);
        result = { name: file.name, report, error: report ? null : (payload.error?.message ?? `The server answered ${response.status}.`) };
      } catch {
        result = { name: file.name, report: null, error: 'The server could not be reached; this file was not imported.' };
      }
      setResults((done) => [...done, result]);
    }
    setBusy(false);
  }

  return (
    <>
      <form
        className="import-form"
        aria-label="Import files"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('files') as HTMLInputElement;
          const files = Array.from(input.files ?? []);
          if (files.length > 0) void upload(files);
        }}
      >
        <label>
          Files
          <input name="files" type="file" multiple accept=".txt,.md,.html,.htm,.jsonl,.zip" required />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {total > 0 && (
        <div className="import-progress">
          <label>
            Imported {results.length} of {total} files
            <progress value={results.length} max={total} />
          </label>
        </div>
      )}
      <ul className="import-results" aria-label="Import results">
        {results.map((result, index) => (
          <li key={`${result.name}-${index}`} data-testid="import-result" data-imported={result.report?.imported ? 'true' : 'false'}>
            <strong>{result.name}</strong>
            {result.report?.imported ? (
              <p>
                Imported {result.report.articleIds.length} article{result.report.articleIds.length === 1 ? '' : 's'}, {result.report.annotationCount}{' '}
                annotation{result.report.annotationCount === 1 ? '' : 's'}
                {result.report.comparisonCount > 0 && `, ${result.report.comparisonCount} comparisons`}.{' '}
                {result.report.articleIds.length === 1 && <Link href={`/articles/${result.report.articleIds[0]}`}>Open it</Link>}
              </p>
            ) : (
              <p className="form-error">Not imported: nothing from this file was written.{result.error && ` ${result.error}`}</p>
            )}
            {result.report && result.report.problems.length > 0 && (
              <ul className="problems" role="alert">
                {result.report.problems.map((problem, line) => (
                  <li key={line}>
                    {problem.file !== result.name && `${problem.file}, `}
                    {problem.line !== null && `line ${problem.line}: `}
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
            {result.report && result.report.notes.length > 0 && (
              <ul className="notes">
                {result.report.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
