'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import { QUALIFIER_NAMES, figureSource, formatFigureValue } from '@/app/_client/figure-format';
import type { ComparedFigure, ComparisonDetail } from '@/db/comparisons';
import { FIELD_STATUS_TEXT, PRIMARY_FIELDS, type FieldStatus } from '@/lib/comparisons/field-status';
import type { ComparedField } from '@/lib/comparisons/types';
import { COMPARISON_STATUSES, type ComparisonStatus } from '@/lib/vocabulary';

interface Candidate {
  annotationId: number;
  articleTitle: string;
  quote: string;
}

interface Props {
  comparison: ComparisonDetail;
  // Per field: same, more specific or differs (lib/comparisons/field-status.ts).
  statuses: Record<ComparedField, FieldStatus>;
  // Every figure's value with its qualifier: "5, at least 5, 5".
  values: string;
  candidates: Candidate[];
  events: string[];
}

const ROWS: { field: ComparedField | null; name: string; cell: (figure: ComparedFigure) => React.ReactNode }[] = [
  { field: 'value', name: 'Value', cell: (figure) => formatFigureValue(figure.figure) },
  { field: 'qualifier', name: 'Qualifier', cell: (figure) => QUALIFIER_NAMES[figure.figure.qualifier] },
  { field: 'category', name: 'What was counted', cell: (figure) => figure.figure.category },
  { field: 'counted', name: 'Who is counted', cell: (figure) => figure.figure.counted ?? '—' },
  { field: 'place', name: 'Where', cell: (figure) => figure.figure.place ?? '—' },
  { field: 'time', name: 'When', cell: (figure) => figure.figure.time ?? '—' },
  { field: 'source', name: 'Source', cell: (figure) => figureSource(figure.figure) },
  {
    field: null,
    name: 'Sentence',
    cell: (figure) => (
      <blockquote>
        {figure.sentence}
        <footer>
          <Link href={`/articles/${figure.articleId}?annotation=${figure.annotationId}`}>{figure.articleTitle}</Link>
          {figure.articleSource && `, ${figure.articleSource}`}
        </footer>
      </blockquote>
    ),
  },
];

// The rows named by status for the summary line, in table order.
function rowNames(statuses: Props['statuses'], wanted: (field: ComparedField, status: FieldStatus) => boolean): string[] {
  return ROWS.flatMap((row) => (row.field !== null && wanted(row.field, statuses[row.field]) ? [row.name.toLowerCase()] : []));
}

function summary(statuses: Props['statuses']): string {
  const key = rowNames(statuses, (field, status) => status === 'differs' && PRIMARY_FIELDS.has(field));
  const secondary = rowNames(statuses, (field, status) => status === 'differs' && !PRIMARY_FIELDS.has(field));
  const specific = rowNames(statuses, (_field, status) => status === 'more_specific');
  const parts = [
    key.length > 0 && `Key difference: ${key.join(' and ')}.`,
    secondary.length > 0 && `${key.length > 0 ? 'They also differ in' : 'They differ only in'} ${secondary.join(', ')}.`,
    specific.length > 0 && `More specific, not a conflict: ${specific.join(', ')}.`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length === 0 ? 'The figures agree on every field.' : parts.join(' ');
}

export function ComparisonView({ comparison, statuses, values, candidates, events }: Props) {
  const router = useRouter();
  const id = useId();
  const [title, setTitle] = useState(comparison.title);
  const [status, setStatus] = useState<ComparisonStatus>(comparison.status);
  const [note, setNote] = useState(comparison.resolutionNote);
  const [eventName, setEventName] = useState(comparison.eventName ?? '');
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function send(work: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'info', text: done });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  const save = () =>
    send(
      () => callApi('PATCH', `/api/comparisons/${comparison.id}`, { title, status, resolutionNote: note, eventName: eventName || null, version: comparison.version }),
      'Comparison saved.',
    );
  const addFigure = () =>
    send(
      () => callApi('POST', `/api/comparisons/${comparison.id}/figures`, { annotationId: Number(adding), version: comparison.version }),
      'Figure added.',
    ).then(() => setAdding(''));
  const removeFigure = (annotationId: number) =>
    send(() => callApi('DELETE', `/api/comparisons/${comparison.id}/figures/${annotationId}?version=${comparison.version}`), 'Figure removed.');

  return (
    <>
      <p className="breadcrumb">
        <Link href="/comparisons">Comparisons</Link>
      </p>
      <h1>{comparison.title}</h1>
      <p className="article-meta">
        <span className={`status-tag status-${comparison.status}`}>{comparison.status}</span>
        {comparison.eventName && <span>Event: {comparison.eventName}</span>}
        <span>
          {comparison.memberCount} figures from {comparison.articleCount} article{comparison.articleCount === 1 ? '' : 's'}
        </span>
        <span data-testid="comparison-values">Values: {values}</span>
        <span>Range: {comparison.spread}</span>
      </p>
      <p className="differs-summary" data-testid="differs-summary">
        {summary(statuses)}
      </p>

      <div className="comparison-scroll">
        <table className="comparison-table" data-testid="comparison-table">
          <caption className="visually-hidden">
            Figures side by side; each row says whether they give the same, a more specific or a different answer, and marks a key difference.
          </caption>
          <thead>
            <tr>
              <td />
              {comparison.figures.map((figure, index) => (
                <th key={figure.annotationId} scope="col">
                  <span className="column-title">Figure {index + 1}</span>
                  <span className="column-quote">“{figure.quote}”</span>
                  <button type="button" className="quiet small" onClick={() => void removeFigure(figure.annotationId)} aria-label={`Remove “${figure.quote}” from the comparison`}>
                    Remove
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const status = row.field === null ? null : statuses[row.field];
              // A differing value or category is the conflict itself; other differences explain it.
              const key = status === 'differs' && row.field !== null && PRIMARY_FIELDS.has(row.field);
              return (
                <tr
                  key={row.name}
                  className={status === null ? undefined : `status-${status}${key ? ' key-difference' : ''}`}
                  data-field={row.field ?? 'sentence'}
                  data-status={status ?? undefined}
                  data-key-difference={key ? 'true' : undefined}
                  data-differs={status === 'differs' ? 'true' : 'false'}
                >
                  <th scope="row">
                    {row.name}
                    {key && <span className="key-difference-tag"> Key difference</span>}
                    {status !== null && <span className={`row-status row-status-${status}`}> {FIELD_STATUS_TEXT[status]}</span>}
                  </th>
                  {comparison.figures.map((figure) => (
                    <td key={figure.annotationId}>{row.cell(figure)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {candidates.length > 0 && (
        <form
          className="add-figure"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding) void addFigure();
          }}
        >
          <label htmlFor={`${id}-add`}>Add a figure from any article</label>
          <select id={`${id}-add`} value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Choose a figure…</option>
            {candidates.map((candidate) => (
              <option key={candidate.annotationId} value={candidate.annotationId}>
                {candidate.articleTitle.slice(0, 60)} — “{candidate.quote}”
              </option>
            ))}
          </select>
          <button type="submit" disabled={!adding}>
            Add figure
          </button>
        </form>
      )}

      <form
        className="comparison-form"
        aria-label="Comparison details"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>Resolution</h2>
        <div className="article-fields">
          <label>
            Title
            <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
          </label>
          <label>
            Status
            <select value={status} onChange={(event) => setStatus(event.target.value as ComparisonStatus)}>
              {COMPARISON_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          <label>
            Event
            <input value={eventName} onChange={(event) => setEventName(event.target.value)} list={`${id}-events`} maxLength={300} />
            <datalist id={`${id}-events`}>
              {events.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
        </div>
        <label>
          Resolution note
          <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={4} placeholder="Why the figures differ, or which one holds and why" />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary">
            Save
          </button>
        </div>
        <FormMessage message={message} />
      </form>
    </>
  );
}
