import type { ExportFigure } from './types';

/**
 * The figure's source as a reader would name it: the linked actor, else the words of the
 * text; "(inferred)" when the reader resolved it from "it said" and no reviewer set it, so
 * a formats' reader never takes a guess for an attribution in the text.
 */
export function figureSourceName(figure: ExportFigure): string | null {
  const name = figure.source?.name ?? figure.sourceText;
  if (name === null) return null;
  return figure.sourceInferred ? `${name} (inferred)` : name;
}
