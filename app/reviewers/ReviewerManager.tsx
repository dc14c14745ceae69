'use client';

import { useId, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { formatDate } from '@/app/_client/format';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import type { ReviewerAccount } from '@/db/accounts';

interface Props {
  initial: ReviewerAccount[];
  selfId: number;
  minPasswordLength: number;
}

export function ReviewerManager({ initial, selfId, minPasswordLength }: Props) {
  const id = useId();
  const [reviewers, setReviewers] = useState(initial);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState<number | null>(null);

  const upsert = (reviewer: ReviewerAccount) =>
    setReviewers((list) => [...list.filter((other) => other.id !== reviewer.id), reviewer].sort((a, b) => a.username.localeCompare(b.username)));

  /** Runs one account change: one at a time, its outcome (the returned text or the error) in the message line. */
  async function act(work: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'info', text: await work() });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const create = (form: HTMLFormElement) =>
    act(async () => {
      const data = new FormData(form);
      const { reviewer } = await callApi<{ reviewer: ReviewerAccount }>('POST', '/api/reviewers', {
        username: String(data.get('username') ?? ''),
        displayName: String(data.get('displayName') ?? ''),
        password: String(data.get('password') ?? ''),
        role: String(data.get('role') ?? 'reviewer'),
      });
      upsert(reviewer);
      form.reset();
      return `Created ${reviewer.username}. Give them their password in person or over a safe channel.`;
    });

  const setDisabled = (reviewer: ReviewerAccount, disabled: boolean) =>
    act(async () => {
      const { reviewer: updated } = await callApi<{ reviewer: ReviewerAccount }>('PATCH', `/api/reviewers/${reviewer.id}`, { disabled });
      upsert(updated);
      return disabled ? `Disabled ${reviewer.username}; their sessions and tokens no longer work.` : `Enabled ${reviewer.username}.`;
    });

  const resetPassword = (reviewer: ReviewerAccount, password: string) =>
    act(async () => {
      await callApi('PATCH', `/api/reviewers/${reviewer.id}`, { password });
      setResetting(null);
      return `Set a new password for ${reviewer.username}; their sessions were ended.`;
    });

  return (
    <div className="reviewer-manager">
      <form
        className="account-form"
        aria-label="New reviewer"
        onSubmit={(event) => {
          event.preventDefault();
          void create(event.currentTarget);
        }}
      >
        <h2>New account</h2>
        <label htmlFor={`${id}-username`}>Username</label>
        <input id={`${id}-username`} name="username" required pattern="[a-z0-9_.]{3,30}" autoCapitalize="none" spellCheck={false} aria-describedby={`${id}-username-hint`} />
        <span className="hint" id={`${id}-username-hint`}>
          3–30 lowercase letters, digits, dots or underscores
        </span>
        <label htmlFor={`${id}-display`}>Display name</label>
        <input id={`${id}-display`} name="displayName" maxLength={100} />
        <label htmlFor={`${id}-password`}>Password</label>
        <input id={`${id}-password`} name="password" type="password" required minLength={minPasswordLength} autoComplete="new-password" />
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} name="role" defaultValue="reviewer">
          <option value="reviewer">Reviewer: annotates assigned articles</option>
          <option value="admin">Admin: reviewers, articles, assignments, adjudication</option>
        </select>
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <FormMessage message={message} />
      <table className="library-table">
        <caption className="visually-hidden">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((reviewer) => (
            <tr key={reviewer.id} data-testid="reviewer-row" data-username={reviewer.username}>
              <th scope="row">{reviewer.username}</th>
              <td>{reviewer.displayName}</td>
              <td>{reviewer.role}</td>
              <td>{formatDate(reviewer.createdAt.slice(0, 10))}</td>
              <td>{reviewer.disabledAt ? 'Disabled' : 'Active'}</td>
              <td className="row-actions">
                {resetting === reviewer.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void resetPassword(reviewer, String(new FormData(event.currentTarget).get('password') ?? ''));
                    }}
                  >
                    <input
                      name="password"
                      type="password"
                      required
                      minLength={minPasswordLength}
                      autoComplete="new-password"
                      autoFocus
                      aria-label={`New password for ${reviewer.username} (at least ${minPasswordLength} characters)`}
                    />
                    <button type="submit" className="primary" disabled={busy}>
                      Save
                    </button>
                    <button type="button" onClick={() => setResetting(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <button type="button" disabled={busy} onClick={() => setResetting(reviewer.id)} aria-label={`Set a new password for ${reviewer.username}`}>
                    New password
                  </button>
                )}
                {reviewer.id !== selfId &&
                  (reviewer.disabledAt ? (
                    <button type="button" disabled={busy} onClick={() => void setDisabled(reviewer, false)} aria-label={`Enable ${reviewer.username}`}>
                      Enable
                    </button>
                  ) : (
                    <button type="button" className="danger" disabled={busy} onClick={() => void setDisabled(reviewer, true)} aria-label={`Disable ${reviewer.username}`}>
                      Disable
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
