'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { preload } from 'react-dom';
import { callApi, errorMessage } from '@/app/_client/api';
import { AnnotationStore, type StoreHooks } from './annotation-store';
import type { ArticleComparison } from './ComparePanel';
import type { Status } from './StatusBar';
import type { AnnotationView } from './types';

export type StatusSetter = (status: Status | null) => void;

/**
 * The workbench's annotation store: created once per article and layer, loaded from the API,
 * and read by React through useSyncExternalStore. `hooks` may change between renders; the
 * store always calls the latest ones.
 */
export function annotationsUrl(articleId: number, layerId: number): string {
  return `/api/articles/${articleId}/annotations?layer=${layerId}`;
}

export function useAnnotationStore(articleId: number, layerId: number, hooks: StoreHooks) {
  // The annotations are requested from the page's <head> (a preload link React puts there
  // during the server render), so they download while the text is parsed and hydrated; the
  // fetch below then takes the preloaded answer. `anonymous` is fetch()'s own credentials
  // mode for the same origin (cookies sent), which the preload must match to be reused.
  preload(annotationsUrl(articleId, layerId), { as: 'fetch', crossOrigin: 'anonymous' });
  const latestHooks = useRef(hooks);
  useEffect(() => {
    latestHooks.current = hooks;
  });
  const [store] = useState(
    // eslint-disable-next-line react-hooks/refs -- the store calls these only from its writes, never during render
    () =>
      new AnnotationStore((method, url, body, headers) => callApi(method, url, body, headers), {
        status: (status) => latestHooks.current.status(status),
        errorText: (error) => latestHooks.current.errorText(error),
        saved: (annotation, change) => latestHooks.current.saved?.(annotation, change),
        unsavedFigure: (id) => latestHooks.current.unsavedFigure?.(id),
        renamed: (from, to) => latestHooks.current.renamed?.(from, to),
      }),
  );
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const [comparisons, setComparisons] = useState<ArticleComparison[]>([]);

  // The annotations are fetched, not rendered into the page: thousands of them would make the
  // HTML several times larger than the article, and a page restored from the router's cache
  // (back/forward) would show them as they were. The text renders meanwhile.
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      callApi<{ annotations: AnnotationView[] }>('GET', annotationsUrl(articleId, layerId)),
      callApi<{ comparisons: ArticleComparison[] }>('GET', `/api/articles/${articleId}/comparisons?layer=${layerId}`),
    ])
      .then(([fresh, compared]) => {
        if (cancelled) return;
        store.load(fresh.annotations);
        setComparisons(compared.comparisons);
      })
      .catch((error: unknown) => latestHooks.current.status({ kind: 'error', text: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, [articleId, layerId, store]);

  return { store, snapshot, comparisons };
}
