import type { Label } from '../labels';
import type { ActorKind, ClaimStatus, ComparisonStatus, FigureQualifier } from '../vocabulary';

/*
 * The plain objects every export format is written from and every import produces.
 * Offsets are UTF-16 code units into `text` (the storage unit); a format that counts
 * Unicode code points converts with lib/anchoring/codepoints.ts.
 */

export interface ExportAuthor {
  username: string;
  name: string;
}

/** Actors travel by name: ids differ between databases, names are how tagging finds them. */
export interface ExportActor {
  name: string;
  kind: ActorKind;
  aliases: string[];
}

export interface ExportFigure {
  min: number | null;
  max: number | null;
  qualifier: FigureQualifier;
  vague: boolean;
  category: string;
  counted: string | null;
  place: string | null;
  time: string | null;
  /** The linked actor who says so, if any. */
  source: ExportActor | null;
  /** The attribution as written, e.g. "two Iraqi security officials". */
  sourceText: string | null;
  /** The source was resolved from a pronoun ("it said") by the reader, not confirmed by a reviewer. */
  sourceInferred: boolean;
}

export interface ExportClaim {
  status: ClaimStatus;
  claimant: ExportActor | null;
  /** When the current status was set (ISO 8601), from the annotation's history; null when it does not say. */
  ratedAt: string | null;
}

export interface ExportAnnotation {
  id: number;
  label: Label;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: string;
  author: ExportAuthor;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Only on actor spans: the entity mentioned. */
  actor: ExportActor | null;
  /** Only on figure spans. */
  figure: ExportFigure | null;
  /** Only on claim spans. */
  claim: ExportClaim | null;
}

/** One column of a comparison, self-contained so a comparison across articles exports whole. */
export interface ExportComparedFigure {
  articleId: number;
  annotationId: number;
  quote: string;
  figure: ExportFigure;
}

export interface ExportComparison {
  id: number;
  title: string;
  status: ComparisonStatus;
  resolutionNote: string;
  event: string | null;
  author: ExportAuthor;
  version: number;
  createdAt: string;
  updatedAt: string;
  figures: ExportComparedFigure[];
}

export interface ExportArticle {
  id: number;
  title: string;
  source: string;
  url: string | null;
  publishedOn: string | null;
  /** "14:05Z", "17:05+03:00" (lib/dates/publication-time.ts). Optional: files written before it existed lack it. */
  publishedTime?: string | null;
  text: string;
  wordCount: number;
  author: ExportAuthor;
  createdAt: string;
  updatedAt: string;
  /** In text order: start ascending, then longer spans first. */
  annotations: ExportAnnotation[];
  /** The comparisons that hold any of this article's figures. */
  comparisons: ExportComparison[];
}

export interface ExportContext {
  /** Where this Crosscheck is served, for IRIs such as W3C annotation ids: "http://localhost:3000". */
  baseUrl: string;
  /** When the export was made (ISO 8601), for formats that record it. */
  exportedAt: string;
  /** Who publishes the reviews (ClaimReview's author): the fact-checking organisation, not a reviewer. */
  organisation: ExportOrganisation;
}

export interface ExportOrganisation {
  name: string;
  url: string;
}

/**
 * A format writes a stream of articles as a stream of chunks: it sees one article at a
 * time, so a whole library goes out in constant memory. Both streams are async: articles
 * come from the database a page at a time (db/export.ts), and a chunk is asked for only
 * when the consumer is ready for it, so a slow download slows the reading.
 */
export interface ExportFormat {
  name: string;
  description: string;
  /** File name extension of the download, without the dot: "jsonl", "zip", "csv". */
  extension: string;
  contentType: string;
  write(articles: AsyncIterable<ExportArticle>, context: ExportContext): AsyncIterable<string | Uint8Array>;
}
