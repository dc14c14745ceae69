import type { ActorRef } from '@/db/actors';
import type { AnnotationView } from '@/db/annotations';
import type { ClaimPatch, FigurePatch } from '@/db/annotation-details';

export type { ActorRef, AnnotationView, ClaimPatch, FigurePatch };

export interface SpanOffsets {
  start: number;
  end: number;
}

/** What the panel can change on an annotation in one request. */
export interface AnnotationChange {
  label?: AnnotationView['label'];
  note?: string;
  actorId?: number;
  figure?: FigurePatch;
  claim?: ClaimPatch;
}

/** What ctrl+z reverses: each entry knows how to put the annotation back as it was. */
export type UndoEntry =
  | { kind: 'create'; annotationId: number; description: string }
  | { kind: 'update'; annotationId: number; before: AnnotationChange; description: string }
  | { kind: 'delete'; annotationId: number; description: string };

/** Everything about an annotation a change can touch, as a change that would restore it. */
export function restoringChange(annotation: AnnotationView): AnnotationChange {
  const change: AnnotationChange = { label: annotation.label, note: annotation.note };
  if (annotation.actor) change.actorId = annotation.actor.id;
  if (annotation.figure) {
    const { sourceActor, ...figure } = annotation.figure;
    change.figure = { ...figure, sourceActorId: sourceActor?.id ?? null };
  }
  if (annotation.claim) change.claim = { status: annotation.claim.status, claimantActorId: annotation.claim.claimant?.id ?? null };
  return change;
}
