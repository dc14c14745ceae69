'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { markdownToArticle } from '@/lib/text/markdown';
import type { Article } from '@/db/schema';
import { ArticleFields } from '../ArticleFields';

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

  async function submit(form: HTMLFormElement) {
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
        const { article } = await callApi<{ article: Article }>('POST', '/api/articles', { ...fields, text: pasted });
        router.push(`/articles/${article.id}`);
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
