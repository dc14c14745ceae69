'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ErrorBody } from '@/app/_server/http';
import type { ImportProgress, ImportReport, SkippedArticle } from '@/db/import';
import { describeProgress, ProgressEstimator, type ProgressEstimate } from '@/lib/import/progress';

type FileState = 'waiting' | 'importing' | 'imported' | 'skipped' | 'refused';

interface FileEntry {
  name: string;
  file: File;
  state: FileState;
  report: ImportReport | null;
  error: string | null;
  /** The server's last progress line for this file, with rate and time left. */
  progress: ProgressEstimate | null;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function stateOf(report: ImportReport | null): FileState {
  if (!report?.imported) return 'refused';
  return report.articleIds.length === 0 && report.skipped.length > 0 ? 'skipped' : 'imported';
}

type Outcome = Pick<FileEntry, 'state' | 'report' | 'error'>;

function outcomeOf(status: number, payload: { report?: ImportReport } & Partial<ErrorBody>): Outcome {
  const report = payload.report ?? ((payload.error?.details as { report?: ImportReport } | undefined)?.report ?? null);
  return { state: stateOf(report), report, error: report?.imported ? null : (payload.error?.message ?? `The server answered ${status}.`) };
}

/**
 * Sends one file and follows its progress: the server streams `{"progress"}` lines while it
 * checks and writes, then `{"status", "body"}`, the answer a plain request would have had.
 * An error before the import starts (too large, not allowed) comes back as plain JSON.
 */
async function send(file: File, allowDuplicates: boolean, onProgress: (progress: ImportProgress) => void): Promise<Outcome> {
  const body = new FormData();
  body.append('file', file);
  try {
    const response = await fetch(`/api/import${allowDuplicates ? '?allowDuplicates=true' : ''}`, { method: 'POST', body, headers: { Accept: 'application/x-ndjson' } });
    if (!response.headers.get('content-type')?.includes('application/x-ndjson') || !response.body) {
      return outcomeOf(response.status, (await response.json()) as { report?: ImportReport } & Partial<ErrorBody>);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim() === '') continue;
        const message = JSON.parse(line) as { progress?: ImportProgress; status?: number; body?: { report?: ImportReport } & Partial<ErrorBody> };
        if (message.progress) onProgress(message.progress);
        if (message.status !== undefined && message.body) return outcomeOf(message.status, message.body);
      }
    }
    return { state: 'refused', report: null, error: 'The server stopped answering before the import finished; reload the library to see what was written.' };
  } catch {
    return { state: 'refused', report: null, error: 'The server could not be reached; this file was not imported.' };
  }
}

/**
 * Lists the chosen files at once, each with its state, then sends them one by one so each
 * gets its own report while the others wait visibly.
 */
export function ImportForm() {
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [busy, setBusy] = useState(false);

  const update = (index: number, change: Partial<FileEntry>) =>
    setEntries((current) => current.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));

  async function upload(files: File[]) {
    setBusy(true);
    setEntries(files.map((file) => ({ name: file.name, file, state: 'waiting', report: null, error: null, progress: null })));
    for (const [index, file] of files.entries()) {
      update(index, { state: 'importing' });
      const estimator = new ProgressEstimator();
      const outcome = await send(file, allowDuplicates, (progress) => update(index, { progress: estimator.estimate(progress, performance.now()) }));
      update(index, outcome);
    }
    setBusy(false);
  }

  const finished = entries.filter((entry) => entry.state !== 'waiting' && entry.state !== 'importing').length;

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
          <input
            name="files"
            type="file"
            multiple
            accept=".txt,.md,.html,.htm,.jsonl,.zip"
            required
            disabled={busy}
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              setEntries(files.map((file) => ({ name: file.name, file, state: 'waiting', report: null, error: null, progress: null })));
            }}
          />
        </label>
        <label className="choice">
          <input type="checkbox" checked={allowDuplicates} disabled={busy} onChange={(event) => setAllowDuplicates(event.currentTarget.checked)} />
          <span>
            Import duplicates anyway
            <span className="choice-description">Articles whose web address the library already has are skipped unless this is ticked.</span>
          </span>
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {entries.length > 0 && (
        <div className="import-progress" role="status">
          <label>
            {busy || finished > 0 ? `Finished ${finished} of ${plural(entries.length, 'file')}` : `${plural(entries.length, 'file')} chosen`}
            <progress value={finished} max={entries.length} />
          </label>
        </div>
      )}
      <ul className="import-results" aria-label="Import results">
        {entries.map((entry, index) => (
          <li key={`${entry.name}-${index}`} data-testid="import-result" data-status={entry.state} data-imported={entry.report?.imported ? 'true' : 'false'}>
            <div className="import-result-head">
              <strong>{entry.name}</strong>
              <span className={`import-state import-state-${entry.state}`}>{STATE_LABELS[entry.state]}</span>
            </div>
            <FileProgress entry={entry} />
            <FileOutcome entry={entry} />
          </li>
        ))}
      </ul>
    </>
  );
}

const STATE_LABELS: Record<FileState, string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  skipped: 'Skipped as duplicate',
  refused: 'Refused',
};

/**
 * The server's progress on this file: a bar with what it is doing, how fast and how long is
 * left; once written, the bar stays full with the count it reached, so a finished file says
 * how much went in.
 */
function FileProgress({ entry }: { entry: FileEntry }) {
  const { progress } = entry;
  const finished = entry.state === 'imported' && progress?.phase === 'writing';
  if (!progress || (entry.state !== 'importing' && !finished)) return null;
  const label = finished
    ? `Wrote ${(progress.total ?? progress.done).toLocaleString('en')} of ${(progress.total ?? progress.done).toLocaleString('en')} articles`
    : describeProgress(progress).replace(/^./, (first) => first.toUpperCase());
  return (
    <label className="import-file-progress" data-testid="import-file-progress" data-phase={finished ? 'done' : progress.phase}>
      <span>{label}</span>
      <progress value={finished ? 1 : (progress.fraction ?? undefined)} max={1} />
    </label>
  );
}

function FileOutcome({ entry }: { entry: FileEntry }) {
  const { report } = entry;
  if (entry.state === 'waiting' || entry.state === 'importing') return null;
  if (entry.state === 'refused' || !report) {
    return (
      <>
        {/* With a report, its problems say why; the server's summary would only repeat the first line. */}
        <p className="form-error">Refused: nothing from this file was written.{!report && entry.error && ` ${entry.error}`}</p>
        {report && report.problems.length > 0 && (
          <ul className="problems" role="alert">
            {report.problems.map((problem, line) => (
              <li key={line}>
                {problem.file !== entry.name && `${problem.file}, `}
                {problem.line !== null && `line ${problem.line}: `}
                {problem.message}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  const articleCount = report.articleIds.length;
  return (
    <>
      {articleCount > 0 && (
        <p>
          Imported {plural(articleCount, 'article')}, {plural(report.annotationCount, 'annotation')}
          {report.comparisonCount > 0 && `, ${plural(report.comparisonCount, 'comparison')}`}.{' '}
          {articleCount === 1 && <Link href={`/articles/${report.articleIds[0]}`}>Open it</Link>}
        </p>
      )}
      {report.skipped.length > 0 && <SkippedList skipped={report.skipped} />}
      {report.notes.length > 0 && (
        <ul className="notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function SkippedList({ skipped }: { skipped: SkippedArticle[] }) {
  return (
    <>
      <p>
        Skipped {plural(skipped.length, 'duplicate')}: tick “Import duplicates anyway” and import again to add {skipped.length === 1 ? 'it' : 'them'}.
      </p>
      <ul className="notes">
        {skipped.map((skip, index) => (
          <li key={index}>
            {skip.line !== null && `Line ${skip.line}: `}“{skip.title}” has the same web address as{' '}
            {skip.existingArticleId !== null ? <Link href={`/articles/${skip.existingArticleId}`}>article {skip.existingArticleId}</Link> : 'an earlier article in this file'}.
          </li>
        ))}
      </ul>
    </>
  );
}
