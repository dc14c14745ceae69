/*
 * What the figure reader proposes for a span tagged "figure". Every field is
 * a suggestion: the reviewer corrects any of them before it is compared
 * with other sources' numbers.
 */

export const QUALIFIERS = ['exact', 'at_least', 'at_most', 'about', 'range', 'vague'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const DEFAULT_CATEGORIES = [
  'killed',
  'wounded',
  'injured',
  'missing',
  'detained',
  'displaced',
  'strikes',
  'other',
] as const;

/**
 * A reported count as bounds. `min`/`max` are null where the text gives no
 * bound ("up to 5" has no lower bound, "many" has neither).
 */
export interface FigureValue {
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  /** The text gives an amount without a number: "thousands", "several", "many". */
  vague: boolean;
}

/** `start`/`end` are UTF-16 offsets into the article text, like every stored span. */
export interface TextRef {
  text: string;
  start: number;
  end: number;
}

export interface FigureReading extends FigureValue {
  /** The words that gave the number, qualifier included: "At least five". Null when no count was read. */
  numberText: string | null;
  /** One of the categories passed in; 'other' when nothing matches. */
  category: string;
  /** Who or what is counted: "Shiite militiamen", "fighters". */
  counted: string | null;
  place: TextRef | null;
  time: TextRef | null;
  /**
   * The attribution ("Kataib Hezbollah", "two Iraqi security officials"). For a bare pronoun
   * ("it said") the organisation named before it, possibly in the sentence before; null when none is.
   */
  source: TextRef | null;
  /** The source was resolved from a pronoun, not written next to the figure: the reviewer should check it. */
  sourceInferred: boolean;
}
