'use client';

import Link from 'next/link';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { QUALIFIER_NAMES } from '@/app/_client/figure-format';
import { changedFields, rebaseDraft, sameFields } from '@/lib/editing/drafts';
import { FREE_TEXT_SOURCE, figureFields, figurePatch, type FigureDraftFields, type FigureFieldName } from './figure-draft';
import { useFigureDrafts, type FigureDraft } from './figure-drafts';
import type { FigureView } from '@/db/annotation-details';
import type { ActorRef, FigurePatch } from './types';

interface Props {
  annotationId: number;
  figure: FigureView;
  actors: ActorRef[];
  categories: string[];
  onSave: (patch: FigurePatch) => void;
}

function isUnsaved(form: FigureDraft): boolean {
  return changedFields(form.draft, form.base).length > 0;
}

/**
 * The reading of a figure, as proposed by the app, for the reviewer to correct. Saved the way
 * notes are: when focus leaves the figure's fields, on Enter, on "Save figure", and when the
 * form closes (J/K, a click elsewhere). A draft that cannot be saved (not a number) is kept,
 * with its error, until the reviewer fixes or discards it.
 */
export function FigureFields({ annotationId, figure, actors, categories, onSave }: Props) {
  const id = useId();
  const drafts = useFigureDrafts();
  const stored = useMemo(() => figureFields(figure), [figure]);
  const [form, setForm] = useState<FigureDraft>(() => drafts.get(annotationId) ?? { draft: stored, base: stored, sent: null, error: null });

  // The stored figure changed underneath (a save came back, an undo): fields the reviewer has
  // not edited since show it; edited ones keep what was typed.
  if (!sameFields(form.base, stored)) {
    const draft = rebaseDraft(form.draft, form.base, stored, form.sent);
    setForm({ draft, base: stored, sent: null, error: sameFields(draft, stored) ? null : form.error });
  }

  useEffect(() => {
    drafts.put(annotationId, isUnsaved(form) ? form : null);
  }, [annotationId, drafts, form]);

  /** Saves the draft when it differs from what is stored and is not already on its way. */
  function commit(draft: FigureDraftFields, { force = false } = {}) {
    if (sameFields(draft, form.base)) {
      if (form.error) setForm({ ...form, draft, error: null });
      return;
    }
    if (!force && form.sent && sameFields(draft, form.sent) && !form.error) return;
    const result = figurePatch(draft);
    if ('error' in result) {
      setForm({ ...form, draft, error: result.error });
      drafts.reportUnsaved(annotationId, result.error);
      return;
    }
    setForm({ ...form, draft, sent: draft, error: null });
    onSave(result.patch);
  }

  // Closing the form (J/K, a click on other text, a label change) saves what is left unsaved;
  // what cannot be saved stays in the workbench's draft store.
  const latest = useRef({ form, onSave, drafts, annotationId });
  useEffect(() => {
    latest.current = { form, onSave, drafts, annotationId };
  });
  useEffect(
    () => () => {
      const { form: last, onSave: save, drafts: store, annotationId: annotation } = latest.current;
      if (!isUnsaved(last) || (last.sent && sameFields(last.draft, last.sent))) return;
      const result = figurePatch(last.draft);
      if ('error' in result) store.reportUnsaved(annotation, result.error);
      else {
        store.put(annotation, { ...last, sent: last.draft, error: null });
        save(result.patch);
      }
    },
    [],
  );

  const change = (field: FigureFieldName) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, draft: { ...form.draft, [field]: event.target.value } });
  const { draft } = form;
  const unsaved = isUnsaved(form) && !(form.sent && sameFields(form.draft, form.sent));

  return (
    <fieldset
      className="details-fields"
      aria-label="Figure details"
      data-unsaved={unsaved ? 'true' : undefined}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) commit(form.draft);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          commit(form.draft);
        }
      }}
    >
      <legend>Figure</legend>
      <div className="field-grid">
        <label htmlFor={`${id}-qualifier`}>Qualifier</label>
        <select id={`${id}-qualifier`} value={draft.qualifier} onChange={change('qualifier')}>
          {Object.entries(QUALIFIER_NAMES).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-min`}>Lowest</label>
        <input id={`${id}-min`} inputMode="decimal" value={draft.min} onChange={change('min')} />
        <label htmlFor={`${id}-max`}>Highest</label>
        <input id={`${id}-max`} inputMode="decimal" value={draft.max} onChange={change('max')} placeholder="open" />
        <label htmlFor={`${id}-category`}>Counts</label>
        <select id={`${id}-category`} value={draft.category} onChange={change('category')}>
          {(categories.includes(draft.category) ? categories : [...categories, draft.category]).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-counted`}>Who is counted</label>
        <input id={`${id}-counted`} value={draft.counted} onChange={change('counted')} placeholder="e.g. fighters" />
        <label htmlFor={`${id}-place`}>Where</label>
        <input id={`${id}-place`} value={draft.place} onChange={change('place')} />
        <label htmlFor={`${id}-time`}>When</label>
        <input id={`${id}-time`} value={draft.time} onChange={change('time')} />
        <label htmlFor={`${id}-source-actor`}>Source</label>
        <select id={`${id}-source-actor`} value={draft.sourceActorId} onChange={change('sourceActorId')}>
          <option value={FREE_TEXT_SOURCE}>Not a tagged actor</option>
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
        <input id={`${id}-source-text`} value={draft.sourceText} onChange={change('sourceText')} placeholder="e.g. two Iraqi security officials" />
      </div>
      {form.error && (
        <p role="alert" className="form-error">
          {form.error}
        </p>
      )}
      <div className="editor-actions">
        <button type="button" onClick={() => commit(form.draft, { force: true })}>
          Save figure
        </button>
        {unsaved && (
          <button type="button" className="quiet" onClick={() => setForm({ draft: form.base, base: form.base, sent: null, error: null })}>
            Discard changes
          </button>
        )}
        <span className="figure-save-state" aria-live="polite">
          {unsaved ? 'Unsaved changes' : ''}
        </span>
        <Link href="/categories" className="small-link">
          Edit categories
        </Link>
      </div>
    </fieldset>
  );
}
