'use client';

import Link from 'next/link';
import { useId } from 'react';
import type { ActorRef } from './types';

interface Props {
  actor: ActorRef | null;
  actors: ActorRef[];
  onLink: (actorId: number) => void;
}

/** An actor span is a mention of an entity; the reviewer can point it at another one. */
export function ActorFields({ actor, actors, onLink }: Props) {
  const id = useId();
  return (
    <fieldset className="details-fields" aria-label="Actor details">
      <legend>Actor</legend>
      <div className="field-grid">
        <label htmlFor={`${id}-actor`}>Mention of</label>
        <select id={`${id}-actor`} value={actor?.id ?? ''} onChange={(event) => onLink(Number(event.target.value))}>
          {actor === null && <option value="">Not linked</option>}
          {actors.map((option) => (
            <option key={option.id} value={option.id}>
              {option.canonicalName}
            </option>
          ))}
        </select>
      </div>
      {actor && (
        <Link href={`/actors/${actor.id}`} className="small-link">
          All mentions, claims and figures of {actor.canonicalName}
        </Link>
      )}
    </fieldset>
  );
}
