import type { Metadata } from 'next';
import Link from 'next/link';
import { pageViewer } from '@/app/_server/session';
import { searchLibrary } from '@/db/search';
import { LABEL_INFO } from '@/lib/labels';
import { appDatabase } from '@/db/client';

export const metadata: Metadata = { title: 'Search' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Results of the header's search box: articles, then annotations, each opening the reader at the match. */
export default async function SearchPage({ searchParams }: Props) {
  const db = appDatabase();
  const viewer = await pageViewer('/search');
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 500).trim() ?? '';
  const results = query ? await searchLibrary(db, viewer, query) : null;
  return (
    <div className="page search-page">
      <h1>Search</h1>
      <form role="search" action="/search" className="search-form">
        <label htmlFor="search-page-q">Search articles and annotations</label>
        <input id="search-page-q" type="search" name="q" defaultValue={query} />
        <button type="submit">Search</button>
      </form>
      {results && (
        <>
          <section aria-labelledby="article-results">
            <h2 id="article-results">Articles ({results.articles.length})</h2>
            {results.articles.length === 0 ? (
              <p className="hint">No article matches “{query}”.</p>
            ) : (
              <ul className="search-results">
                {results.articles.map((hit) => (
                  <li key={hit.id}>
                    <Link href={`/articles/${hit.id}`}>{hit.title}</Link>
                    {hit.source && <span className="hint"> · {hit.source}</span>}
                    <p className="search-snippet">{hit.snippet}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="annotation-results">
            <h2 id="annotation-results">Annotations ({results.annotations.length})</h2>
            {results.annotations.length === 0 ? (
              <p className="hint">No annotation matches “{query}”.</p>
            ) : (
              <ul className="search-results">
                {results.annotations.map((hit) => (
                  <li key={hit.id}>
                    <Link href={`/articles/${hit.articleId}?annotation=${hit.id}&layer=${hit.layerId}`}>
                      {LABEL_INFO[hit.label].name} “{hit.quote}”
                    </Link>
                    <span className="hint">
                      {' '}
                      in {hit.articleTitle} · {hit.layerName}
                    </span>
                    {hit.note && <p className="search-snippet">{hit.note}</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
