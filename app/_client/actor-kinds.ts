import type { ActorKind } from '@/lib/vocabulary';

export const KIND_NAMES: Record<ActorKind, string> = {
  person: 'person',
  organisation: 'organisation',
  armed_group: 'armed group',
  government_body: 'government body',
  place: 'place',
  other: 'other',
};
