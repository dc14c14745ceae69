'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';

interface Props {
  incident: { id: number; name: string; startsOn: string | null; endsOn: string | null; place: string | null; version: number };
}

export function IncidentForm({ incident }: Props) {
  const router = useRouter();
  const [name, setName] = useState(incident.name);
  const [startsOn, setStartsOn] = useState(incident.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(incident.endsOn ?? '');
  const [place, setPlace] = useState(incident.place ?? '');
  const [message, setMessage] = useState<Message | null>(null);

  async function save() {
    setMessage(null);
    try {
      await callApi('PATCH', `/api/events/${incident.id}`, {
        name,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        place: place.trim() || null,
        version: incident.version,
      });
      setMessage({ kind: 'info', text: 'Incident saved.' });
      router.refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form
      className="actor-form"
      aria-label="Incident details"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>Details</h2>
      <div className="article-fields">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={300} />
        </label>
        <label>
          From
          <input type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />
        </label>
        <label>
          To (if it lasted longer)
          <input type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />
        </label>
        <label>
          Place
          <input value={place} onChange={(event) => setPlace(event.target.value)} maxLength={300} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          Save incident
        </button>
      </div>
      <FormMessage message={message} />
    </form>
  );
}
