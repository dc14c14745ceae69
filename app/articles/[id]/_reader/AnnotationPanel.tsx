'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { LABELS, LABEL_INFO, type Label } from '@/lib/labels';
import { AnnotationListItem } from './AnnotationListItem';
import type { ActorRef, AnnotationChange, AnnotationView } from './types';

export type LabelFilter = 'all' | Label;

const PAGE = 200;

interface Props {
  annotations: readonly AnnotationView[];
  visible: readonly AnnotationView[];
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
  loading: boolean;
  readOnly: boolean;
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
  loading,
  readOnly,
  children,
}: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const moreRef = useRef<HTMLLIElement>(null);
  // Thousands of entries would make every page load and every render slow: the list grows
  // a page at a time as the reviewer scrolls it, and always reaches the selected entry.
  const [limit, setLimit] = useState(PAGE);
  const selectedIndex = selectedId === null ? -1 : visible.findIndex((annotation) => annotation.id === selectedId);
  const shown = Math.min(visible.length, Math.max(limit, selectedIndex + 1 + PAGE / 10));

  useEffect(() => {
    const more = moreRef.current;
    if (!more) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((current) => current + PAGE);
    });
    observer.observe(more);
    return () => observer.disconnect();
  }, [shown]);
  const counts = useMemo(() => {
    const byLabel = Object.fromEntries(LABELS.map((label) => [label, 0])) as Record<Label, number>;
    for (const annotation of annotations) byLabel[annotation.label] += 1;
    return byLabel;
  }, [annotations]);

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
          {loading
            ? 'Loading annotations…'
            : annotations.length === 0
            ? 'No annotations yet. Select text in the article and press 1, 2 or 3, or use the buttons that appear.'
            : 'No annotations with this label.'}
        </p>
      ) : (
        <ol className="annotation-list" ref={listRef} aria-label="Annotations in text order">
          {visible.slice(0, shown).map((annotation) => (
            <AnnotationListItem
              key={annotation.id}
              annotation={annotation}
              isSelected={annotation.id === selectedId}
              isChecked={selectedFigureIds.includes(annotation.id)}
              actors={actors}
              categories={categories}
              onShow={onShow}
              onToggleFigure={onToggleFigure}
              onUpdate={onUpdate}
              onDelete={onDelete}
              readOnly={readOnly}
            />
          ))}
          {shown < visible.length && (
            <li className="list-more" ref={moreRef}>
              <button type="button" className="quiet" onClick={() => setLimit((current) => current + PAGE)}>
                Show more ({visible.length - shown} not shown yet)
              </button>
            </li>
          )}
        </ol>
      )}
    </aside>
  );
}
