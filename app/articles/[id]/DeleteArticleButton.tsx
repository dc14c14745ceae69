'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';

/**
 * Admins only: a soft delete (the article and its annotations stay in the database and in
 * history, as with DELETE /api/articles/ID), after a confirmation in a modal dialog. The
 * native <dialog> traps focus, closes on Escape and gives the page back its focus.
 */
export function DeleteArticleButton({ articleId, title }: { articleId: number; title: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirmDelete() {
    setDeleting(true);
    setError(null);
    try {
      await callApi('DELETE', `/api/articles/${articleId}`);
      router.push(`/?deleted=${encodeURIComponent(title)}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setDeleting(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="link-button danger-link"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        Delete article
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-article-title" aria-describedby="delete-article-description">
        <h2 id="delete-article-title">Delete this article?</h2>
        <p id="delete-article-description">
          “{title}” and its annotations leave the library for everyone. Nothing is erased: the article stays in the history.
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          {/* Cancel comes first and takes the focus, so Enter on opening never deletes. */}
          <button type="button" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" className="danger" disabled={deleting} onClick={() => void confirmDelete()}>
            {deleting ? 'Deleting…' : 'Delete article'}
          </button>
        </div>
      </dialog>
    </>
  );
}
