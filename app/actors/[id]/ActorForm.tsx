'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import type { ActorSummary } from '@/db/actors';
import { ACTOR_KINDS, type ActorKind } from '@/lib/vocabulary';
import { KIND_NAMES } from '@/app/_client/actor-kinds';

export function ActorForm({ actor }: { actor: ActorSummary }) {
  const router = useRouter();
  const [name, setName] = useState(actor.canonicalName);
  const [kind, setKind] = useState<ActorKind>(actor.kind);
  const [aliases, setAliases] = useState(actor.aliases.join('\n'));
  const [message, setMessage] = useState<Message | null>(null);

  async function save() {
    setMessage(null);
    try {
      await callApi('PATCH', `/api/actors/${actor.id}`, {
        canonicalName: name,
        kind,
        aliases: aliases.split('\n').filter((alias) => alias.trim() !== ''),
        version: actor.version,
      });
      setMessage({ kind: 'info', text: 'Actor saved.' });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form
      className="actor-form"
      aria-label="Actor details"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="article-fields">
        <label>
          Canonical name
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as ActorKind)}>
            {ACTOR_KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Also called (one name per line)
          <textarea value={aliases} onChange={(event) => setAliases(event.target.value)} rows={3} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          Save actor
        </button>
      </div>
      <FormMessage message={message} />
    </form>
  );
}
