'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { QUALIFIER_NAMES } from '@/app/_client/figure-format';
import type { FigureView } from '@/db/annotation-details';
import type { ActorRef, FigurePatch } from './types';

interface Props {
  figure: FigureView;
  actors: ActorRef[];
  categories: string[];
  onSave: (patch: FigurePatch) => void;
}

const FREE_TEXT = '';

function numberOrNull(value: string): number | null | 'invalid' {
  if (value.trim() === '') return null;
  const parsed = Number(value.replace(/,/g, ''));
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : 'invalid';
}

/** The reading of a figure, as proposed by the app, for the reviewer to correct and save. */
export function FigureFields({ figure, actors, categories, onSave }: Props) {
  const id = useId();
  const [min, setMin] = useState(figure.min?.toString() ?? '');
  const [max, setMax] = useState(figure.max?.toString() ?? '');
  const [qualifier, setQualifier] = useState(figure.qualifier);
  const [category, setCategory] = useState(figure.category);
  const [counted, setCounted] = useState(figure.counted ?? '');
  const [place, setPlace] = useState(figure.place ?? '');
  const [time, setTime] = useState(figure.time ?? '');
  const [sourceActorId, setSourceActorId] = useState(figure.sourceActor ? String(figure.sourceActor.id) : FREE_TEXT);
  const [sourceText, setSourceText] = useState(figure.sourceText ?? '');
  const [error, setError] = useState<string | null>(null);

  function save() {
    const low = numberOrNull(min);
    const high = numberOrNull(max);
    if (low === 'invalid' || high === 'invalid') {
      setError('Values must be numbers of zero or more, such as 5 or 1200.');
      return;
    }
    if (low !== null && high !== null && low > high) {
      setError(`The lowest value (${low}) is greater than the highest (${high}).`);
      return;
    }
    setError(null);
    onSave({
      min: low,
      max: high,
      qualifier,
      vague: qualifier === 'vague',
      category,
      counted,
      place,
      time,
      sourceActorId: sourceActorId === FREE_TEXT ? null : Number(sourceActorId),
      sourceText,
    });
  }

  return (
    <fieldset className="details-fields" aria-label="Figure details">
      <legend>Figure</legend>
      <div className="field-grid">
        <label htmlFor={`${id}-qualifier`}>Qualifier</label>
        <select id={`${id}-qualifier`} value={qualifier} onChange={(event) => setQualifier(event.target.value as FigureView['qualifier'])}>
          {Object.entries(QUALIFIER_NAMES).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-min`}>Lowest</label>
        <input id={`${id}-min`} inputMode="decimal" value={min} onChange={(event) => setMin(event.target.value)} />
        <label htmlFor={`${id}-max`}>Highest</label>
        <input id={`${id}-max`} inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} placeholder="open" />
        <label htmlFor={`${id}-category`}>Counts</label>
        <select id={`${id}-category`} value={category} onChange={(event) => setCategory(event.target.value)}>
          {(categories.includes(category) ? categories : [...categories, category]).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-counted`}>Who is counted</label>
        <input id={`${id}-counted`} value={counted} onChange={(event) => setCounted(event.target.value)} placeholder="e.g. fighters" />
        <label htmlFor={`${id}-place`}>Where</label>
        <input id={`${id}-place`} value={place} onChange={(event) => setPlace(event.target.value)} />
        <label htmlFor={`${id}-time`}>When</label>
        <input id={`${id}-time`} value={time} onChange={(event) => setTime(event.target.value)} />
        <label htmlFor={`${id}-source-actor`}>Source</label>
        <select id={`${id}-source-actor`} value={sourceActorId} onChange={(event) => setSourceActorId(event.target.value)}>
          <option value={FREE_TEXT}>Not a tagged actor</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.canonicalName}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-source-text`}>
          Attribution
          {/* Read from "it said": a guess until the reviewer sets the source. */}
          {figure.sourceInferred && (
            <span className="hint" data-testid="source-inferred" title="Resolved from a pronoun such as “it said”; check it">
              {' '}
              (inferred)
            </span>
          )}
        </label>
        <input
          id={`${id}-source-text`}
          value={sourceText}
          onChange={(event) => setSourceText(event.target.value)}
          placeholder="e.g. two Iraqi security officials"
        />
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" onClick={save}>
          Save figure
        </button>
        <Link href="/categories" className="small-link">
          Edit categories
        </Link>
      </div>
    </fieldset>
  );
}
