import nlp from 'compromise';

/*
 * The one file that talks to compromise. Its JSON output is untyped (`any`),
 * so it is checked here and the rest of the reader sees plain data.
 */

export interface TaggedTerm {
  /** UTF-16 offsets into the text passed to `tagTerms`. */
  start: number;
  end: number;
  tags: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readTerm(value: unknown): TaggedTerm | null {
  if (!isRecord(value) || !isRecord(value.offset) || !Array.isArray(value.tags)) return null;
  const { start, length } = value.offset;
  if (typeof start !== 'number' || typeof length !== 'number' || length <= 0) return null;
  const tags = value.tags.filter((tag): tag is string => typeof tag === 'string');
  return { start, end: start + length, tags };
}

/** Part-of-speech tags for each term of a short text (a sentence), in text order. */
export function tagTerms(text: string): TaggedTerm[] {
  const json: unknown = nlp(text).json({ offset: true, terms: { offset: true } });
  if (!Array.isArray(json)) return [];
  const terms: TaggedTerm[] = [];
  for (const sentence of json) {
    if (!isRecord(sentence) || !Array.isArray(sentence.terms)) continue;
    for (const raw of sentence.terms) {
      const term = readTerm(raw);
      if (term) terms.push(term);
    }
  }
  return terms.sort((a, b) => a.start - b.start);
}

function readLexicon(): Record<string, unknown> {
  const model: unknown = nlp.model();
  if (!isRecord(model) || !isRecord(model.one) || !isRecord(model.one.lexicon)) return {};
  return model.one.lexicon;
}

const lexicon = readLexicon();

/**
 * compromise's dictionary tags for one lower-case word, whatever the
 * context. Its tagger sometimes overrules them in context (a capitalised
 * "Five" after an emoji becomes a proper noun); the number readers ask both.
 */
export function lexiconTags(word: string): readonly string[] {
  if (!Object.hasOwn(lexicon, word)) return [];
  const entry = lexicon[word];
  if (typeof entry === 'string') return [entry];
  return Array.isArray(entry) ? entry.filter((tag): tag is string => typeof tag === 'string') : [];
}

/**
 * The value of words that spell one number ("twenty-one", "1,200",
 * "one hundred and twenty", "1.5 million"), or null when they spell none
 * or several ("one two").
 */
export function numberValue(words: string): number | null {
  const values: unknown = nlp(words).numbers().get();
  if (!Array.isArray(values) || values.length !== 1) return null;
  const [value] = values;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
