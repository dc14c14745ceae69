import { LABELS, type Label } from '../labels';
import { splitParagraphs } from '../text/paragraphs';
import type { ExportAnnotation, ExportArticle, ExportFormat } from './types';

/*
 * CoNLL-style columns for sequence-labelling tools: one token per line,
 *
 *   TOKEN<TAB>CLAIM<TAB>ACTOR<TAB>FIGURE
 *
 * with a BIO tag column per label (B-CLAIM, I-CLAIM, O, ...). One column per label
 * rather than one tag per token because reviewers nest spans (a figure inside a claim,
 * an actor inside both): a single column would have to drop all but one of them.
 *
 * Sentences end with a blank line. Comment lines start with "#": the column names once
 * at the top of the file, then "# article = <id>" and "# title = ..." before each
 * article's first sentence.
 */

export const CONLL_COLUMNS = ['TOKEN', ...LABELS.map((label) => label.toUpperCase())] as const;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** A token with its UTF-16 offsets into the article text. */
export interface ConllToken {
  text: string;
  start: number;
  end: number;
}

const NON_BLANK = /\S/u;

/**
 * The sentences of a text as token lists. Paragraphs are segmented one at a time, so a
 * sentence never runs across a blank line and a long article is never segmented whole.
 * Every non-whitespace word segment is a token, so punctuation stands on its own.
 */
export function* conllSentences(text: string): Generator<ConllToken[]> {
  for (const paragraph of splitParagraphs(text)) {
    const paragraphText = text.slice(paragraph.start, paragraph.end);
    for (const sentence of sentenceSegmenter.segment(paragraphText)) {
      const tokens: ConllToken[] = [];
      for (const word of wordSegmenter.segment(sentence.segment)) {
        if (!NON_BLANK.test(word.segment)) continue;
        // A combining mark after a space segments with the space; trim so the token's
        // offsets cover only what is printed.
        const lead = word.segment.length - word.segment.trimStart().length;
        const trimmed = word.segment.trim();
        const start = paragraph.start + sentence.index + word.index + lead;
        // Whitespace inside a token would read as a column break to many tools.
        tokens.push({ text: trimmed.replace(/\s/gu, '_'), start, end: start + trimmed.length });
      }
      if (tokens.length > 0) yield tokens;
    }
  }
}

/**
 * The BIO tags of one label's column, token by token. Spans of one label may overlap;
 * a token goes to the first overlapping span in text order (earliest start, then the
 * longer), so the earlier/longer span wins and a later one resumes with B- after it.
 * Spans also restart with B- at each sentence: a sentence is read on its own, and I-
 * after a blank line would be a chunk with no beginning.
 */
class TagColumn {
  private readonly spans: ExportAnnotation[];
  private next = 0;
  private active: ExportAnnotation[] = [];
  private previous: ExportAnnotation | null = null;

  constructor(
    annotations: readonly ExportAnnotation[],
    private readonly tag: string,
    label: Label,
  ) {
    this.spans = annotations
      .filter((a) => a.label === label)
      .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  }

  startSentence(): void {
    this.previous = null;
  }

  /** Tokens must come in text order: spans are dropped once a token is past their end. */
  tagToken(token: ConllToken): string {
    // A token is inside a span if they overlap at all, so a span that starts or ends
    // inside a word still marks the whole word.
    while (this.next < this.spans.length && (this.spans[this.next] as ExportAnnotation).start < token.end) {
      this.active.push(this.spans[this.next] as ExportAnnotation);
      this.next++;
    }
    this.active = this.active.filter((span) => span.end > token.start);
    const owner = this.active[0] ?? null;
    const tag = owner === null ? 'O' : `${owner === this.previous ? 'I' : 'B'}-${this.tag}`;
    this.previous = owner;
    return tag;
  }
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

// Large enough that a long article goes out in a few hundred chunks, not one per line.
const CHUNK = 64 * 1024;

/** The CoNLL lines of one article, comments first, in chunks. */
export function* conllArticle(article: ExportArticle): Generator<string> {
  const columns = LABELS.map((label) => new TagColumn(article.annotations, label.toUpperCase(), label));
  let out = `# article = ${article.id}\n# title = ${oneLine(article.title)}\n`;
  let sentences = 0;
  for (const tokens of conllSentences(article.text)) {
    for (const column of columns) column.startSentence();
    for (const token of tokens) {
      out += `${token.text}\t${columns.map((column) => column.tagToken(token)).join('\t')}\n`;
    }
    out += '\n';
    sentences++;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  // With no sentence to close them, the comments would run into the next article's.
  if (sentences === 0) out += '\n';
  yield out;
}

export const conllFormat: ExportFormat = {
  name: 'conll',
  description: 'CoNLL columns: one token per line, a BIO column per label',
  extension: 'conll',
  contentType: 'text/plain; charset=utf-8',
  async *write(articles) {
    yield `# columns = ${CONLL_COLUMNS.join(' ')}\n`;
    for await (const article of articles) yield* conllArticle(article);
  },
};
