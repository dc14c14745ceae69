'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';

interface Created {
  article: { id: number; versionNumber: number };
  carried: { exact: number; fuzzy: number; orphans: number };
}

/** Admins paste an outlet's updated text; the annotations follow it (see db/versions.ts). */
export function NewVersionForm({ articleId }: { articleId: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const title = String(data.get('title') ?? '').trim();
      const created = await callApi<Created>('POST', `/api/articles/${articleId}/versions`, { text: String(data.get('text') ?? ''), ...(title ? { title } : {}) });
      router.push(`/articles/${created.article.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        New version
      </button>
    );
  }
  return (
    <form
      className="new-version-form"
      aria-label="New version"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <p className="hint">Paste the outlet&rsquo;s updated text. Every annotation is carried over by its quote and context; what cannot be found is listed on the new version.</p>
      <label>
        Updated text
        <textarea name="text" rows={8} required autoFocus />
      </label>
      <label>
        Title (leave empty to keep it)
        <input name="title" type="text" maxLength={500} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import as new version'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
