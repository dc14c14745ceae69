'use client';

import { memo, useMemo } from 'react';
import { splitParagraphs } from '@/lib/text/paragraphs';

/**
 * The article text, one <p> per paragraph and one text node per <p>. Memoised on the
 * text alone: highlights, selection and panel state never re-render it (see highlights.ts).
 */
export const Reader = memo(function Reader({ text }: { text: string }) {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {text.slice(paragraph.start, paragraph.end)}
        </p>
      ))}
    </>
  );
});
