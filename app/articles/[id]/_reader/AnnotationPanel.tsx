'use client';

import { useEffect, useRef } from 'react';
import { LABELS, LABEL_INFO, type Label } from '@/lib/labels';
import { formatFigureValue } from '@/app/_client/figure-format';
import { AnnotationEditor } from './AnnotationEditor';
import type { ActorRef, AnnotationChange, AnnotationView } from './types';

export type LabelFilter = 'all' | Label;

interface Props {
  annotations: AnnotationView[];
  visible: AnnotationView[];
  filter: LabelFilter;
  onFilterChange: (filter: LabelFilter) => void;
  selectedId: number | null;
  onShow: (annotation: AnnotationView) => void;
  onUpdate: (id: number, change: AnnotationChange) => Promise<void>;
  onDelete: (id: number) => Promise<void>;
  actors: ActorRef[];
  categories: string[];
  selectedFigureIds: number[];
  onToggleFigure: (id: number) => void;
  children?: React.ReactNode;
}

export function AnnotationPanel({
  annotations,
  visible,
  filter,
  onFilterChange,
  selectedId,
  onShow,
  onUpdate,
  onDelete,
  actors,
  categories,
  selectedFigureIds,
  onToggleFigure,
  children,
}: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const counts = Object.fromEntries(LABELS.map((label) => [label, annotations.filter((a) => a.label === label).length])) as Record<Label, number>;

  // Scroll the list only: scrollIntoView would also move the page, and the text under the reader's eyes with it.
  useEffect(() => {
    const list = listRef.current;
    const item = selectedId === null ? null : list?.querySelector(`[data-annotation-id="${selectedId}"]`);
    if (!list || !item) return;
    const listBox = list.getBoundingClientRect();
    const itemBox = item.getBoundingClientRect();
    if (itemBox.top < listBox.top) list.scrollTop -= listBox.top - itemBox.top;
    else if (itemBox.bottom > listBox.bottom) list.scrollTop += Math.min(itemBox.bottom - listBox.bottom, itemBox.top - listBox.top);
  }, [selectedId]);

  const filters: { value: LabelFilter; name: string; count: number }[] = [
    { value: 'all', name: 'All', count: annotations.length },
    ...LABELS.map((label) => ({ value: label, name: LABEL_INFO[label].name, count: counts[label] })),
  ];

  return (
    <aside className="panel" aria-labelledby="panel-heading">
      <h2 id="panel-heading">Annotations</h2>
      <div className="filters" role="group" aria-label="Show annotations by label">
        {filters.map(({ value, name, count }) => (
          <button
            key={value}
            type="button"
            className={`filter${value === 'all' ? '' : ` label-${value}`}`}
            aria-pressed={filter === value}
            onClick={() => onFilterChange(value)}
          >
            {name} <span className="count">{count}</span>
          </button>
        ))}
      </div>
      {children}
      {visible.length === 0 ? (
        <p className="empty">
          {annotations.length === 0
            ? 'No annotations yet. Select text in the article and press 1, 2 or 3, or use the buttons that appear.'
            : 'No annotations with this label.'}
        </p>
      ) : (
        <ol className="annotation-list" ref={listRef} aria-label="Annotations in text order">
          {visible.map((annotation) => {
            const isSelected = annotation.id === selectedId;
            return (
              <li
                key={annotation.id}
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
                      checked={selectedFigureIds.includes(annotation.id)}
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
                {isSelected && (
                  <AnnotationEditor annotation={annotation} actors={actors} categories={categories} onUpdate={onUpdate} onDelete={onDelete} />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
