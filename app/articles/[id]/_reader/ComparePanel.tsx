'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { formatFigureValue } from '@/app/_client/figure-format';
import type { FigureView } from '@/db/annotation-details';
import type { ComparisonDetail, SuggestionView } from '@/db/comparisons';
import { proposeTitle } from '@/lib/comparisons/title';

export interface ArticleComparison {
  id: number;
  title: string;
  status: string;
  annotationIds: number[];
}

/** A figure the panel can name in the form: this article's own, or one a suggestion brings in. */
interface KnownFigure {
  annotationId: number;
  quote: string;
  figure: FigureView;
  // Set for a figure from another article.
  articleTitle?: string;
}

interface Props {
  articleId: number;
  // This article's figures in the layer being viewed.
  figures: readonly { id: number; quote: string; figure: FigureView | null }[];
  selectedFigureIds: number[];
  onSelectionChange: (ids: number[]) => void;
  suggestions: SuggestionView[];
  onDismiss: (suggestion: SuggestionView) => void;
  comparisons: ArticleComparison[];
  events: string[];
}

/** Puts figures side by side: from the reviewer's own choice or from the app's suggestions. */
export function ComparePanel({ articleId, figures, selectedFigureIds, onSelectionChange, suggestions, onDismiss, comparisons, events }: Props) {
  const router = useRouter();
  const id = useId();
  const [formOpen, setFormOpen] = useState(false);
  // Null until the reviewer types a title: until then the proposed one follows the selection.
  const [editedTitle, setEditedTitle] = useState<string | null>(null);
  const [eventName, setEventName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const known = new Map<number, KnownFigure>();
  for (const suggestion of suggestions) {
    for (const { annotationId, quote, figure, articleId: from, articleTitle } of suggestion.figures) {
      known.set(annotationId, { annotationId, quote, figure, ...(from === articleId ? {} : { articleTitle }) });
    }
  }
  for (const { id: annotationId, quote, figure } of figures) if (figure) known.set(annotationId, { annotationId, quote, figure });
  const selected = selectedFigureIds.flatMap((annotationId) => known.get(annotationId) ?? []);
  const title = editedTitle ?? proposeTitle(selected.map(({ figure }) => figure));

  function open() {
    setEditedTitle(null);
    setError(null);
    setFormOpen(true);
  }

  function startFrom(suggestion: SuggestionView) {
    onSelectionChange(suggestion.annotationIds);
    open();
  }

  async function create() {
    setError(null);
    setSaving(true);
    try {
      const { comparison } = await callApi<{ comparison: ComparisonDetail }>('POST', '/api/comparisons', {
        title,
        annotationIds: selectedFigureIds,
        eventName: eventName || null,
      });
      router.push(`/comparisons/${comparison.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setSaving(false);
    }
  }

  return (
    <section className="compare-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Compare figures</h3>
      {selectedFigureIds.length === 0 ? (
        <p className="hint">Tick two or more figures to set them side by side.</p>
      ) : (
        // While the form is open its Create button is the one primary action.
        !(formOpen && selectedFigureIds.length >= 2) && (
          <div className="compare-bar">
            <span>
              {selectedFigureIds.length} figure{selectedFigureIds.length === 1 ? '' : 's'} selected
            </span>
            <button type="button" className="primary" onClick={open} disabled={selectedFigureIds.length < 2}>
              Compare side by side
            </button>
            <button type="button" className="quiet" onClick={() => onSelectionChange([])}>
              Clear
            </button>
          </div>
        )
      )}
      {formOpen && selectedFigureIds.length >= 2 && (
        <form
          className="compare-form"
          aria-label="New comparison"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <h4 id={`${id}-compared`}>
            {selectedFigureIds.length} figures to compare
          </h4>
          <ul className="compared-figures" aria-labelledby={`${id}-compared`} data-testid="compared-figures">
            {selectedFigureIds.map((annotationId) => {
              const figure = known.get(annotationId);
              return figure ? (
                <li key={annotationId}>
                  <strong>{formatFigureValue(figure.figure)}</strong> {figure.figure.category} — “{figure.quote}”
                  {figure.articleTitle && <span className="elsewhere"> ({figure.articleTitle})</span>}
                </li>
              ) : (
                <li key={annotationId}>A figure from another article</li>
              );
            })}
          </ul>
          <label>
            Title
            <input value={title} onChange={(event) => setEditedTitle(event.target.value)} required maxLength={300} placeholder="e.g. Fighters killed or wounded, Jurf Al Sakhar" />
          </label>
          <label>
            Event <span className="optional">(optional, shared across articles)</span>
            <input value={eventName} onChange={(event) => setEventName(event.target.value)} list={`${id}-events`} maxLength={300} />
            <datalist id={`${id}-events`}>
              {events.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={saving}>
              Create comparison
            </button>
            <button type="button" className="quiet" onClick={() => setFormOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {suggestions.length > 0 && (
        <div className="suggestions">
          <h4>Suggested</h4>
          <ul>
            {suggestions.map((suggestion) => (
              <li key={suggestion.key} data-testid="suggestion">
                <p className="reason">{suggestion.reason}</p>
                <ul className="suggested-figures">
                  {suggestion.figures
                    .filter((figure) => figure.articleId === articleId)
                    .map((figure) => (
                      <li key={figure.annotationId}>
                        <strong>{formatFigureValue(figure.figure)}</strong> {figure.figure.category} — “{figure.quote}”
                      </li>
                    ))}
                  <ElsewhereSummary figures={suggestion.figures.filter((figure) => figure.articleId !== articleId)} />
                </ul>
                <div className="form-actions">
                  <button type="button" onClick={() => startFrom(suggestion)}>
                    Compare these
                  </button>
                  <button type="button" className="quiet" onClick={() => onDismiss(suggestion)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {comparisons.length > 0 && (
        <div className="article-comparisons">
          <h4>In comparisons</h4>
          <ul>
            {comparisons.map((comparison) => (
              <li key={comparison.id}>
                <Link href={`/comparisons/${comparison.id}`}>{comparison.title}</Link> <span className="status-tag">{comparison.status}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** Figures of a suggestion from other articles, summed up: a long list would crowd out the panel. */
function ElsewhereSummary({ figures }: { figures: SuggestionView['figures'] }) {
  if (figures.length === 0) return null;
  const articles = new Set(figures.map((figure) => figure.articleId)).size;
  return (
    <li className="elsewhere">
      and {figures.length} figure{figures.length === 1 ? '' : 's'} in {articles} other article{articles === 1 ? '' : 's'}
    </li>
  );
}
