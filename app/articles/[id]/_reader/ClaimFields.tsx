'use client';

import { useId } from 'react';
import type { ClaimView } from '@/db/annotation-details';
import { CLAIM_STATUSES } from '@/lib/vocabulary';
import type { ActorRef, ClaimPatch } from './types';

interface Props {
  claim: ClaimView;
  actors: ActorRef[];
  onSave: (patch: ClaimPatch) => void;
}

export function ClaimFields({ claim, actors, onSave }: Props) {
  const id = useId();
  return (
    <fieldset className="details-fields" aria-label="Claim details">
      <legend>Claim</legend>
      <div className="field-grid">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={claim.status} onChange={(event) => onSave({ status: event.target.value as ClaimView['status'] })}>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-claimant`}>Claimant</label>
        <select
          id={`${id}-claimant`}
          value={claim.claimant?.id ?? ''}
          onChange={(event) => onSave({ claimantActorId: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">Not recorded</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.canonicalName}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
