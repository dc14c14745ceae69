'use client';

import { useId, useState } from 'react';
import { LABELS, LABEL_INFO, type Label } from '@/lib/labels';
import { ActorFields } from './ActorFields';
import { AnnotationHistory } from './AnnotationHistory';
import { ClaimFields } from './ClaimFields';
import { FigureFields } from './FigureFields';
import { FigureIncidents } from './FigureIncidents';
import type { ActorRef, AnnotationChange, AnnotationView } from './types';

interface Props {
  annotation: AnnotationView;
  actors: ActorRef[];
  categories: string[];
  onUpdate: (id: number, change: AnnotationChange) => Promise<void>;
  onDelete: (id: number) => Promise<void>;
  /** Another reviewer's layer: everything shows, nothing can be changed. */
  readOnly: boolean;
}

export function AnnotationEditor({ annotation, actors, categories, onUpdate, onDelete, readOnly }: Props) {
  const id = useId();
  const [note, setNote] = useState(annotation.note);
  // When the stored note changes underneath (undo, a save), show it instead of the draft.
  const [storedNote, setStoredNote] = useState(annotation.note);
  if (storedNote !== annotation.note) {
    setStoredNote(annotation.note);
    setNote(annotation.note);
  }
  const noteChanged = note.trim() !== annotation.note;

  const saveNote = () => {
    if (noteChanged) void onUpdate(annotation.id, { note });
  };

  return (
    <div className="annotation-editor">
      <fieldset className="editor-fields" disabled={readOnly}>
      <div className="field-row">
        <label htmlFor={`${id}-label`}>Label</label>
        <select id={`${id}-label`} value={annotation.label} onChange={(event) => void onUpdate(annotation.id, { label: event.target.value as Label })}>
          {LABELS.map((label) => (
            <option key={label} value={label}>
              {LABEL_INFO[label].name}
            </option>
          ))}
        </select>
      </div>
      {annotation.readingPending && (
        <p className="reading-pending" role="status" data-testid="reading-pending">
          Reading the {annotation.label === 'figure' ? 'figure' : 'claimant'}…
        </p>
      )}
      {annotation.figure && (
        <FigureFields
          annotationId={annotation.id}
          figure={annotation.figure}
          actors={actors}
          categories={categories}
          onSave={(figure) => void onUpdate(annotation.id, { figure })}
        />
      )}
      {annotation.claim && <ClaimFields claim={annotation.claim} actors={actors} onSave={(claim) => void onUpdate(annotation.id, { claim })} />}
      {annotation.label === 'actor' && (
        <ActorFields actor={annotation.actor} actors={actors} onLink={(actorId) => void onUpdate(annotation.id, { actorId })} />
      )}
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={3}
        placeholder="Why this span matters, what to check…"
        onChange={(event) => setNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            saveNote();
          }
        }}
      />
      <div className="editor-actions">
        <button type="button" onClick={saveNote} disabled={!noteChanged}>
          Save note
        </button>
        <button type="button" className="danger" onClick={() => void onDelete(annotation.id)}>
          Delete
        </button>
      </div>
      </fieldset>
      {/* A figure joins incidents once stored: a just-tagged one has no server id yet (it is negative). */}
      {annotation.figure && annotation.id > 0 && <FigureIncidents annotationId={annotation.id} layerId={annotation.reviewerId} readOnly={readOnly} />}
      <p className="meta">
        By {annotation.reviewerName} · offsets {annotation.start}–{annotation.end} · version {annotation.version}
      </p>
      <AnnotationHistory annotationId={annotation.id} version={annotation.version} />
    </div>
  );
}
