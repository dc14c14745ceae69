'use client';

import { useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { formatDateTime } from '@/app/_client/format';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import type { ApiTokenSummary } from '@/db/api-tokens';

export function TokenManager({ initial }: { initial: ApiTokenSummary[] }) {
  const id = useId();
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [copyStatus, setCopyStatus] = useState('');

  async function copyCreated(token: string) {
    try {
      await navigator.clipboard.writeText(token);
      setCopyStatus('Copied');
    } catch {
      // No clipboard (an insecure origin, or permission refused): the field stays selectable.
      setCopyStatus('Could not copy: select the token and copy it by hand.');
    }
  }

  async function create() {
    setMessage(null);
    try {
      const result = await callApi<{ token: string; summary: ApiTokenSummary }>('POST', '/api/tokens', { name });
      setTokens((list) => [result.summary, ...list]);
      setCreated(result.token);
      setCopyStatus('');
      setName('');
      setMessage({ kind: 'info', text: `Created “${result.summary.name}”. Copy it now: it is not shown again.` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  async function revoke(token: ApiTokenSummary) {
    setMessage(null);
    try {
      await callApi('DELETE', `/api/tokens/${token.id}`);
      setTokens((list) => list.filter((other) => other.id !== token.id));
      setMessage({ kind: 'info', text: `Revoked “${token.name}”.` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <div className="token-manager">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <label htmlFor={`${id}-name`}>Token name</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. nightly export" maxLength={100} required />
        <button type="submit" className="primary">
          Create token
        </button>
      </form>
      {created && (
        <p className="new-token">
          <label htmlFor={`${id}-created`}>New token</label>
          <input id={`${id}-created`} readOnly value={created} data-testid="new-token" onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={() => void copyCreated(created)}>
            Copy
          </button>
          <span role="status" className="copy-status">
            {copyStatus}
          </span>
        </p>
      )}
      <FormMessage message={message} />
      {tokens.length === 0 ? (
        <p className="empty">No tokens yet.</p>
      ) : (
        <table className="library-table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Ends in</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>…{token.hint}</code>
                </td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
                <td>
                  <button type="button" className="danger" onClick={() => void revoke(token)} aria-label={`Revoke ${token.name}`}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
