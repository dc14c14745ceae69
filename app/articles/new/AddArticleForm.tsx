'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import Link from 'next/link';
import { ApiError, callApi, errorMessage } from '@/app/_client/api';
import type { IfUrlExists } from '@/lib/vocabulary';
import { markdownToArticle } from '@/lib/text/markdown';
import type { Article } from '@/db/schema';
import { ArticleFields } from '../ArticleFields';

interface KnownArticle {
  articleId: number;
  title: string;
  versionNumber: number;
}

interface Progress {
  done: number;
  total: number;
  failures: string[];
}


export function AddArticleForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // A pasted article whose address the library already holds, waiting for the desk's choice.
  const [known, setKnown] = useState<{ article: KnownArticle; body: Record<string, string> } | null>(null);

  async function addPasted(body: Record<string, string>, ifUrlExists?: IfUrlExists) {
    try {
      const { article } = await callApi<{ article: Article }>('POST', '/api/articles', { ...body, ifUrlExists });
      router.push(`/articles/${article.id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'article_url_taken') {
        setKnown({ article: caught.details as KnownArticle, body });
        return;
      }
      throw caught;
    }
  }

  /** The desk's answer to "is this an update?": the same text sent again with that choice. */
  async function choose(ifUrlExists: IfUrlExists) {
    if (!known) return;
    setSubmitting(true);
    setError(null);
    try {
      await addPasted(known.body, ifUrlExists);
      setKnown(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  async function submit(form: HTMLFormElement) {
    setKnown(null);
    const data = new FormData(form);
    const fields = {
      title: String(data.get('title') ?? ''),
      source: String(data.get('source') ?? ''),
      url: String(data.get('url') ?? ''),
      publishedOn: String(data.get('publishedOn') ?? ''),
      publishedTime: String(data.get('publishedTime') ?? ''),
    };
    const pasted = String(data.get('text') ?? '');
    const files = (data.getAll('files') as File[]).filter((file) => file.size > 0 || file.name);
    setError(null);
    if (files.length === 0 && pasted.trim() === '') {
      setError('Paste the article text or choose at least one .txt or .md file.');
      return;
    }
    setSubmitting(true);
    try {
      if (files.length === 0) {
        await addPasted({ ...fields, text: pasted });
        return;
      }
      const failures: string[] = [];
      let lastId: number | null = null;
      setProgress({ done: 0, total: files.length, failures });
      for (const [index, file] of files.entries()) {
        try {
          const raw = await file.text();
          // A Markdown file is stored as its readable text, its leading heading as the title.
          const markdown = /\.md$/i.test(file.name) ? markdownToArticle(raw) : null;
          const text = markdown ? markdown.text : raw;
          const title = files.length === 1 && fields.title ? fields.title : markdown?.title;
          const { article } = await callApi<{ article: Article }>('POST', '/api/articles', { ...fields, title, text });
          lastId = article.id;
        } catch (caught) {
          failures.push(`${file.name}: ${errorMessage(caught)}`);
        }
        setProgress({ done: index + 1, total: files.length, failures: [...failures] });
      }
      if (failures.length === 0) router.push(files.length === 1 && lastId !== null ? `/articles/${lastId}` : '/');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form
      className="add-article"
      aria-label="Add article"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <ArticleFields />
      <label>
        Text
        <textarea name="text" rows={14} placeholder="Paste the article here" />
      </label>
      <label>
        Or upload files
        <input name="files" type="file" accept=".txt,.md,text/plain,text/markdown" multiple />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {known && (
        <div className="known-address" role="alert" data-testid="known-address">
          <p>
            The library already has <Link href={`/articles/${known.article.articleId}`}>{known.article.title}</Link> (version {known.article.versionNumber}) from this
            address. Is this text an update of it?
          </p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={submitting} onClick={() => void choose('new-version')}>
              Add as version {known.article.versionNumber + 1}
            </button>
            <button type="button" disabled={submitting} onClick={() => void choose('add')}>
              Add as a separate article
            </button>
            <button type="button" className="quiet" disabled={submitting} onClick={() => setKnown(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {progress && (
        <div className="import-progress">
          <label>
            Imported {progress.done} of {progress.total}
            <progress value={progress.done} max={progress.total} />
          </label>
          {progress.failures.length > 0 && (
            <ul role="alert" className="form-error">
              {progress.failures.map((failure) => (
                <li key={failure}>{failure}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? 'Adding…' : 'Add article'}
        </button>
      </div>
    </form>
  );
}
