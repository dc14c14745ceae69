'use client';

import { memo } from 'react';
import { formatFigureValue } from '@/app/_client/figure-format';
import { LABEL_INFO } from '@/lib/labels';
import { AnnotationEditor } from './AnnotationEditor';
import type { ActorRef, AnnotationChange, AnnotationView } from './types';

interface Props {
  annotation: AnnotationView;
  isSelected: boolean;
  isChecked: boolean;
  actors: ActorRef[];
  categories: string[];
  onShow: (annotation: AnnotationView) => void;
  onToggleFigure: (id: number) => void;
  onUpdate: (id: number, change: AnnotationChange) => Promise<void>;
  onDelete: (id: number) => Promise<void>;
  readOnly: boolean;
}

/**
 * One entry of the panel. Memoised so that selecting, ticking or editing one annotation
 * re-renders that entry (and the one losing the selection), not thousands of others.
 */
export const AnnotationListItem = memo(function AnnotationListItem({
  annotation,
  isSelected,
  isChecked,
  actors,
  categories,
  onShow,
  onToggleFigure,
  onUpdate,
  onDelete,
  readOnly,
}: Props) {
  return (
    <li
      className={`annotation-item label-${annotation.label}${isSelected ? ' selected' : ''}`}
      data-testid="annotation-item"
      data-annotation-id={annotation.id}
      data-label={annotation.label}
      aria-current={isSelected ? 'true' : undefined}
    >
      <div className="annotation-row">
        {annotation.figure && (
          <input
            type="checkbox"
            className="compare-check"
            checked={isChecked}
            onChange={() => onToggleFigure(annotation.id)}
            aria-label={`Select “${annotation.quote}” for comparison`}
          />
        )}
        <button type="button" className="annotation-summary" onClick={() => onShow(annotation)} aria-expanded={isSelected}>
          <span className={`badge label-${annotation.label}`}>
            {LABEL_INFO[annotation.label].name}
            {annotation.figure && <span className="figure-summary"> · {formatFigureValue(annotation.figure)} {annotation.figure.category}</span>}
            {annotation.claim && annotation.claim.status !== 'unverified' && <span className="figure-summary"> · {annotation.claim.status}</span>}
          </span>
          <span className="quote">{annotation.quote}</span>
          {annotation.note && <span className="note-preview">{annotation.note}</span>}
        </button>
      </div>
      {isSelected && <AnnotationEditor annotation={annotation} actors={actors} categories={categories} onUpdate={onUpdate} onDelete={onDelete} readOnly={readOnly} />}
    </li>
  );
});
