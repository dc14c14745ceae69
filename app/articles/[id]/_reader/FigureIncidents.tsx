'use client';

import Link from 'next/link';
import { useEffect, useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { nameKey } from '@/lib/actors/names';

interface Membership {
  id: number;
  name: string;
  /** Added by hand; otherwise the figure belongs through one of the incident's comparisons. */
  direct: boolean;
}

interface IncidentName {
  id: number;
  name: string;
}

/**
 * The incidents a figure belongs to, and a way to add it to one without leaving the reader:
 * type an existing incident's name (offered as you type) or a new one, which creates it.
 */
export function FigureIncidents({ annotationId, layerId, readOnly }: { annotationId: number; layerId: number; readOnly: boolean }) {
  const id = useId();
  const [memberships, setMemberships] = useState<Membership[] | null>(null);
  const [known, setKnown] = useState<IncidentName[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let current = true;
    callApi<{ incidents: Membership[] }>('GET', `/api/annotations/${annotationId}/incidents`)
      .then(({ incidents }) => current && setMemberships(incidents))
      .catch((caught: unknown) => current && setMessage({ text: errorMessage(caught), error: true }));
    return () => {
      current = false;
    };
  }, [annotationId]);

  // The names are offered only once the reviewer heads for the field: most figures never join one.
  async function loadNames() {
    if (known) return;
    try {
      const { events } = await callApi<{ events: IncidentName[] }>('GET', `/api/events?layer=${layerId}`);
      setKnown(events.map(({ id: incidentId, name: incidentName }) => ({ id: incidentId, name: incidentName })));
    } catch (caught) {
      setMessage({ text: errorMessage(caught), error: true });
    }
  }

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const wanted = name.trim();
    if (!wanted || busy) return;
    setBusy(true);
    try {
      let incidentId = known?.find((incident) => nameKey(incident.name) === nameKey(wanted))?.id;
      // Incidents are named like events (case and spacing ignored); the server returns the existing
      // incident when the name is taken, so a name typed before the list arrived is safe too.
      if (incidentId === undefined) incidentId = (await callApi<{ event: { id: number } }>('POST', '/api/events', { name: wanted })).event.id;
      await callApi('POST', `/api/events/${incidentId}/figures`, { annotationId });
      const { incidents } = await callApi<{ incidents: Membership[] }>('GET', `/api/annotations/${annotationId}/incidents`);
      setMemberships(incidents);
      setKnown(null);
      setName('');
      setMessage({ text: `Added to “${incidents.find((incident) => incident.id === incidentId)?.name ?? wanted}”.`, error: false });
    } catch (caught) {
      setMessage({ text: errorMessage(caught), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function remove(incident: Membership) {
    setBusy(true);
    try {
      await callApi('DELETE', `/api/events/${incident.id}/figures`, { annotationId });
      setMemberships((before) => before?.filter((entry) => entry.id !== incident.id) ?? null);
      setMessage({ text: `Taken out of “${incident.name}”.`, error: false });
    } catch (caught) {
      setMessage({ text: errorMessage(caught), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="figure-incidents" aria-labelledby={`${id}-heading`} data-testid="figure-incidents">
      <h4 id={`${id}-heading`}>Incidents</h4>
      {memberships && memberships.length === 0 && <p className="hint">Not part of an incident yet.</p>}
      {memberships && memberships.length > 0 && (
        <ul>
          {memberships.map((incident) => (
            <li key={incident.id}>
              {/* The record read in this figure's layer, where the figure counts. */}
              <Link href={`/incidents/${incident.id}?layer=${layerId}`}>{incident.name}</Link>
              {incident.direct ? (
                !readOnly && (
                  <button type="button" className="quiet small" disabled={busy} onClick={() => void remove(incident)} aria-label={`Take out of ${incident.name}`}>
                    Take out
                  </button>
                )
              ) : (
                <span className="hint"> (through a comparison)</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className="incident-add" onSubmit={(event) => void add(event)}>
          <label htmlFor={`${id}-name`}>Add to incident</label>
          <input
            id={`${id}-name`}
            list={`${id}-names`}
            value={name}
            placeholder="An incident’s name, or a new one"
            autoComplete="off"
            onFocus={() => void loadNames()}
            onChange={(event) => setName(event.target.value)}
          />
          <datalist id={`${id}-names`}>
            {known?.map((incident) => <option key={incident.id} value={incident.name} />)}
          </datalist>
          <button type="submit" disabled={busy || name.trim() === ''}>
            Add
          </button>
        </form>
      )}
      <p className={`incident-message ${message?.error ? 'form-error' : 'hint'}`} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
