'use client';

import { useState } from 'react';
import { callApi, errorMessage } from '@/app/_client/api';
import { FormMessage, type Message } from '@/app/_client/FormMessage';
import { categoryKey } from '@/lib/figures/category';

export function CategoryEditor({ initial }: { initial: string[] }) {
  const [categories, setCategories] = useState(initial);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<Message | null>(null);

  async function change(work: () => Promise<{ categories: string[] }>, done: string) {
    setMessage(null);
    try {
      setCategories((await work()).categories);
      setMessage({ kind: 'info', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <>
      <ul className="category-list" aria-label="Categories">
        {categories.map((category) => (
          <li key={category}>
            <span>{category}</span>
            <button
              type="button"
              className="quiet small"
              aria-label={`Remove ${category}`}
              onClick={() => void change(() => callApi('DELETE', `/api/categories/${encodeURIComponent(category)}`), `Removed “${category}”.`)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="add-category"
        onSubmit={(event) => {
          event.preventDefault();
          void change(() => callApi('POST', '/api/categories', { name }), `Added “${categoryKey(name)}”.`).then(() => setName(''));
        }}
      >
        <label>
          New category
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} placeholder="e.g. evacuated" />
        </label>
        <button type="submit">Add category</button>
      </form>
      <FormMessage message={message} />
    </>
  );
}
