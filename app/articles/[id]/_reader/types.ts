import type { AnnotationView } from '@/db/annotations';

export type { AnnotationView };

export interface SpanOffsets {
  start: number;
  end: number;
}

/** What ctrl+z reverses: each entry knows how to put the annotation back as it was. */
export type UndoEntry =
  | { kind: 'create'; annotationId: number; description: string }
  | { kind: 'update'; annotationId: number; before: Pick<AnnotationView, 'label' | 'note'>; description: string }
  | { kind: 'delete'; annotationId: number; description: string };
