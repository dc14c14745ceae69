'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';

export function NewIncidentForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function create() {
    setMessage(null);
    try {
      const created = await callApi<{ event: { id: number } }>('POST', '/api/events', { name });
      router.push(`/incidents/${created.event.id}`);
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form
      className="actor-form"
      aria-label="New incident"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2>New incident</h2>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={300} placeholder="Strikes on Jurf Al Sakhar, 22 Nov 2023" />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary">
          Create incident
        </button>
      </div>
      <FormMessage message={message} />
    </form>
  );
}
