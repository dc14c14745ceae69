import { LABELS, type Label } from '@/lib/labels';
import type { TextMap } from './text-map';

/*
 * Highlights are painted with the CSS Custom Highlight API rather than by wrapping spans
 * in elements: the article's DOM stays one text node per paragraph however many
 * annotations there are, so adding, changing or deleting a highlight never re-renders
 * or re-flows the text, and 10,000 ranges cost a few milliseconds to register.
 * Overlaps are drawn by giving each label up to MAX_LANES stacked highlights: a span that
 * overlaps another of the same label goes to the next lane, so shared words are painted
 * twice and read darker, and the colour rule stays "deeper tint = more spans".
 */
export const MAX_LANES = 3;

export interface Span {
  id: number;
  label: Label;
  start: number;
  end: number;
}

export const highlightName = (label: Label, lane: number) => `cc-${label}-${lane}`;
export const SELECTED_HIGHLIGHT = 'cc-selected';
export const FLASH_HIGHLIGHT = 'cc-flash';
export const PENDING_HIGHLIGHT = 'cc-pending';

const PRIORITY: Record<Label, number> = { claim: 1, actor: 2, figure: 3 };

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Assigns each span a lane so that no two overlapping spans of one label share a lane. */
export function assignLanes(spans: readonly Span[]): Map<number, number> {
  const lanes = new Map<number, number>();
  for (const label of LABELS) {
    const ofLabel = spans.filter((span) => span.label === label).sort((a, b) => a.start - b.start || b.end - a.end);
    const laneEnds: number[] = [];
    for (const span of ofLabel) {
      let lane = laneEnds.findIndex((end) => end <= span.start);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = span.end;
      lanes.set(span.id, Math.min(lane, MAX_LANES - 1));
    }
  }
  return lanes;
}

/**
 * The label highlights of the reader, kept up to date by single annotations: a tag, a label
 * change or a delete adds or deletes one Range in one Highlight, so the cost of a change does
 * not grow with the number of annotations. Only `paintAll` (opening, a new label filter)
 * registers every range.
 */
export class HighlightLayer {
  private readonly highlights = new Map<string, Highlight>();
  private readonly painted = new Map<number, { name: string; range: Range; span: Span; lane: number }>();

  constructor(private readonly map: TextMap) {
    if (!supportsHighlights()) return;
    for (const label of LABELS) {
      for (let lane = 0; lane < MAX_LANES; lane += 1) {
        const highlight = new Highlight();
        highlight.priority = PRIORITY[label];
        this.highlights.set(highlightName(label, lane), highlight);
        CSS.highlights.set(highlightName(label, lane), highlight);
      }
    }
  }

  paintAll(spans: readonly Span[]): void {
    if (!supportsHighlights()) return;
    for (const highlight of this.highlights.values()) highlight.clear();
    this.painted.clear();
    const lanes = assignLanes(spans);
    for (const span of spans) this.paint(span, lanes.get(span.id) ?? 0);
  }

  /** Paints one more span, in the lowest lane no overlapping span of its label uses. */
  add(span: Span): void {
    if (!supportsHighlights()) return;
    this.remove(span.id);
    const used = new Set<number>();
    for (const other of this.painted.values()) {
      if (other.span.label === span.label && other.span.start < span.end && span.start < other.span.end) used.add(other.lane);
    }
    let lane = 0;
    while (used.has(lane) && lane < MAX_LANES - 1) lane += 1;
    this.paint(span, lane);
  }

  remove(id: number): void {
    const entry = this.painted.get(id);
    if (!entry) return;
    this.highlights.get(entry.name)?.delete(entry.range);
    this.painted.delete(id);
  }

  private paint(span: Span, lane: number): void {
    const range = this.map.range(span.start, span.end);
    if (!range) return;
    const name = highlightName(span.label, lane);
    this.highlights.get(name)!.add(range);
    this.painted.set(span.id, { name, range, span: { id: span.id, label: span.label, start: span.start, end: span.end }, lane });
  }
}

/** Paints one transient or state highlight (selection, flash, snapped preview) over the others. */
export function paintSingle(name: string, map: TextMap | null, span: { start: number; end: number } | null, priority: number): void {
  if (!supportsHighlights()) return;
  const range = map && span ? map.range(span.start, span.end) : null;
  if (!range) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

export function clearAllHighlights(): void {
  if (!supportsHighlights()) return;
  for (const name of Array.from(CSS.highlights.keys())) {
    if (name.startsWith('cc-')) CSS.highlights.delete(name);
  }
}
