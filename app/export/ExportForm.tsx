'use client';

import { useEffect, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import type { ExportSummary } from '@/db/export-summary';

interface Props {
  formats: { name: string; description: string; extension: string }[];
  articles: { id: number; title: string }[];
  preselected: number[];
  /** The layers this viewer may export; the first is the default (gold for admins, their own for reviewers). */
  layers: { value: string; text: string }[];
  /** What the first layer holds for the preselected articles, so the sentence is there from the start. */
  initialSummary: ExportSummary | null;
}

function plural(count: number, one: string): string {
  return `${count.toLocaleString('en')} ${one}${count === 1 ? '' : 's'}`;
}

function describeSummary(summary: ExportSummary): string {
  return `${summary.layer}: ${plural(summary.articles, 'article')}, ${plural(summary.annotations, 'annotation')}, ${plural(summary.comparisons, 'comparison')}.`;
}

export function ExportForm({ formats, articles, preselected, layers, initialSummary }: Props) {
  const [layer, setLayer] = useState(layers[0]?.value ?? 'gold');
  const [format, setFormat] = useState(formats[0]?.name ?? '');
  const [scope, setScope] = useState<'library' | 'chosen'>(preselected.length > 0 ? 'chosen' : 'library');
  const [chosen, setChosen] = useState<number[]>(preselected);

  const params = new URLSearchParams({ format, layer });
  if (scope === 'chosen') for (const id of chosen) params.append('article', String(id));
  const href = `/api/export?${params}`;
  const ready = format !== '' && (scope === 'library' || chosen.length > 0);

  // What the chosen layer and articles hold, asked again whenever the choice changes; the
  // previous sentence stays meanwhile, so nothing below it moves.
  const [summary, setSummary] = useState<string | null>(initialSummary ? describeSummary(initialSummary) : null);
  const summaryQuery = new URLSearchParams({ layer });
  if (scope === 'chosen') for (const id of chosen) summaryQuery.append('article', String(id));
  const summaryUrl = ready ? `/api/export/summary?${summaryQuery}` : null;
  useEffect(() => {
    if (summaryUrl === null) return;
    let cancelled = false;
    callApi<{ summary: ExportSummary }>('GET', summaryUrl)
      .then(({ summary: fresh }) => {
        if (!cancelled) setSummary(describeSummary(fresh));
      })
      .catch((error: unknown) => {
        if (!cancelled) setSummary(errorMessage(error));
      });
    return () => {
      cancelled = true;
    };
  }, [summaryUrl]);

  return (
    <form className="export-form" aria-label="Export" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Format</legend>
        {formats.map((option) => (
          <label key={option.name} className="choice">
            <input type="radio" name="format" value={option.name} checked={format === option.name} onChange={() => setFormat(option.name)} />
            <span>
              <strong>{option.name}</strong> <span className="hint">.{option.extension}</span>
              <span className="choice-description">{option.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="layer-choice">
        Layer
        <select value={layer} onChange={(event) => setLayer(event.target.value)}>
          {layers.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Articles</legend>
        <label className="choice">
          <input type="radio" name="scope" checked={scope === 'library'} onChange={() => setScope('library')} />
          <span>
            The whole library ({articles.length} article{articles.length === 1 ? "" : "s"})
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} />
          <span>Chosen articles</span>
        </label>
        {scope === 'chosen' && (
          <ul className="article-choices" aria-label="Articles to export">
            {articles.map((article) => (
              <li key={article.id}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(article.id)}
                    onChange={(event) =>
                      setChosen((ids) => (event.target.checked ? [...ids, article.id] : ids.filter((id) => id !== article.id)))
                    }
                  />
                  <span>{article.title}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {ready && (
        <p className="export-summary" data-testid="export-summary" aria-live="polite">
          {summary ?? 'Counting what this export holds…'}
        </p>
      )}
      {ready ? (
        <a className="button primary" href={href} download>
          Download
        </a>
      ) : (
        <p className="hint">Choose at least one article.</p>
      )}
    </form>
  );
}
