import type { Label } from '../labels';
import type { ClaimStatus, FigureQualifier } from '../vocabulary';

/*
 * What every import parser produces. Parsers are pure: they read file contents and
 * return articles plus problems; the caller writes to the database. A file with any
 * problem must be imported not at all (callers check `problems.length`), so parsers
 * keep going after the first problem and report every one they find.
 */

export interface ImportProblem {
  /** The file as the user knows it, e.g. "library.jsonl" or "corpus/a.ann" inside a zip. */
  file: string;
  /** 1-based line in `file`; null when the problem is not about one line. */
  line: number | null;
  message: string;
}

export interface ImportedFigure {
  category?: string;
  qualifier?: FigureQualifier;
  min?: number | null;
  max?: number | null;
}

export interface ImportedAnnotation {
  label: Label;
  /** UTF-16 code units into ImportedArticle.text, like every stored offset. */
  start: number;
  end: number;
  /** Always `text.slice(start, end)` of the imported (normalised) text. */
  quote: string;
  note: string;
  figure?: ImportedFigure;
  claim?: { status?: ClaimStatus };
}

export interface ImportedArticle {
  title?: string;
  source?: string;
  url?: string;
  /** YYYY-MM-DD. */
  publishedOn?: string;
  /** The stored form of lib/dates/publication-time.ts, only with publishedOn. */
  publishedTime?: string;
  /**
   * Already in stored form (prepareArticleText applied, date line taken out) and the
   * text every offset points into: store it as it is.
   */
  text: string;
  annotations: ImportedAnnotation[];
  /** Where the article came from, for reports: the line of a JSONL file, null for whole files. */
  origin: { file: string; line: number | null };
}

export interface ImportResult {
  articles: ImportedArticle[];
  problems: ImportProblem[];
}
