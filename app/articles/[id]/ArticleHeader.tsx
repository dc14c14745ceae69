'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { formatDate } from '@/app/_client/format';
import { formatClockTime } from '@/lib/dates/publication-time';
import type { ArticleMetadata } from '@/db/articles';
import { ArticleFields } from '../ArticleFields';
import { DeleteArticleButton } from './DeleteArticleButton';

/** `editable`: admins edit the details; reviewers read them. */
export function ArticleHeader({ article, editable }: { article: ArticleMetadata; editable: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(form: HTMLFormElement) {
    const data = new FormData(form);
    setError(null);
    try {
      await callApi('PATCH', `/api/articles/${article.id}`, {
        title: String(data.get('title') ?? ''),
        source: String(data.get('source') ?? ''),
        url: String(data.get('url') ?? ''),
        publishedOn: String(data.get('publishedOn') ?? ''),
        publishedTime: String(data.get('publishedTime') ?? ''),
      });
      setEditing(false);
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  if (editing) {
    return (
      <form
        className="article-header editing"
        aria-label="Article details"
        onSubmit={(event) => {
          event.preventDefault();
          void save(event.currentTarget);
        }}
      >
        <ArticleFields defaults={article} titleRequired />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            Save details
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <header className="article-header">
      <h1>{article.title}</h1>
      <p className="article-meta">
        {article.source && <span>{article.source}</span>}
        {article.publishedOn && (
          <time dateTime={article.publishedTime ? `${article.publishedOn}T${article.publishedTime}` : article.publishedOn}>
            {formatDate(article.publishedOn)}
            {article.publishedTime && ` ${formatClockTime(article.publishedTime)}`}
          </time>
        )}
        <span>{article.wordCount.toLocaleString('en')} words</span>
        {article.url && (
          <a href={article.url} rel="noreferrer noopener" target="_blank">
            Original
          </a>
        )}
        {editable && (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
        <Link href={`/export?article=${article.id}`}>Export</Link>
        {editable && <DeleteArticleButton articleId={article.id} title={article.title} />}
      </p>
    </header>
  );
}
