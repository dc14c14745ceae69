'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { callApi } from '@/app/_client/api';
import type { SuggestionView } from '@/db/comparisons';
import type { AnnotationStore } from './annotation-store';
import type { StatusSetter } from './use-annotation-store';
import type { AnnotationView } from './types';

/**
 * Comparisons the app suggests among this layer's figures. They depend on every figure's
 * details, so they are loaded again whenever a stored figure changes (a provisional tag has
 * no figure yet and changes nothing here).
 */
export function useSuggestions(
  articleId: number,
  layerId: number,
  annotations: readonly AnnotationView[],
  store: AnnotationStore,
  setStatus: StatusSetter,
  report: (error: unknown) => void,
) {
  const [suggestions, setSuggestions] = useState<SuggestionView[]>([]);
  const figureSignature = useMemo(() => {
    const parts: string[] = [];
    for (const annotation of annotations) if (annotation.figure) parts.push(`${annotation.id}:${annotation.version}`);
    return parts.join(',');
  }, [annotations]);

  useEffect(() => {
    let cancelled = false;
    callApi<{ suggestions: SuggestionView[] }>('GET', `/api/suggestions?articleId=${articleId}&layer=${layerId}`)
      .then(({ suggestions: list }) => {
        if (!cancelled) setSuggestions(list);
      })
      .catch(report);
    return () => {
      cancelled = true;
    };
  }, [articleId, figureSignature, layerId, report]);

  const dismissSuggestion = useCallback(
    (suggestion: SuggestionView) =>
      store.run(async () => {
        await callApi('POST', '/api/suggestions/dismissals', { annotationIds: suggestion.annotationIds });
        setSuggestions((list) => list.filter((item) => item.key !== suggestion.key));
        setStatus({ kind: 'info', text: 'Suggestion dismissed; it will not be offered again.' });
      }),
    [setStatus, store],
  );

  return { suggestions, dismissSuggestion };
}
