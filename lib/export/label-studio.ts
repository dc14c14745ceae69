import { LABEL_INFO, LABELS } from '../labels';
import type { ExportAnnotation, ExportArticle, ExportFormat } from './types';

/*
 * Label Studio task import JSON: one array of tasks, each an article with one
 * annotation per reviewer. The array is written piece by piece ("[", tasks,
 * "]") so a whole library never sits in memory.
 *
 * Offsets go out unchanged: Label Studio's Text tag measures spans in its
 * JavaScript front end, i.e. in UTF-16 code units as we store them (Label
 * Studio issue #1347).
 */

// Region colours follow the workbench's highlight colours (app/globals.css).
const COLOURS: Record<(typeof LABELS)[number], string> = {
  claim: '#f5be28',
  actor: '#3c82e6',
  figure: '#d23278',
};

/** The labelling config a Label Studio project needs to open these tasks. */
export const LABEL_STUDIO_CONFIG = [
  '<View>',
  '  <Labels name="label" toName="text">',
  ...LABELS.map((label) => {
    const info = LABEL_INFO[label];
    return `    <Label value="${info.name}" background="${COLOURS[label]}" hotkey="${info.shortcut}"/>`;
  }),
  '  </Labels>',
  '  <Text name="text" value="$text"/>',
  '</View>',
].join('\n');

export interface LabelStudioResult {
  id: string;
  from_name: 'label';
  to_name: 'text';
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
}

export interface LabelStudioAnnotation {
  /*
   * Label Studio counts an imported annotation as ground truth unless told
   * otherwise; several reviewers' readings of one article cannot all be.
   */
  ground_truth: false;
  result: LabelStudioResult[];
}

export interface LabelStudioTask {
  id: number;
  data: { text: string; title: string; source: string; url: string | null };
  annotations: LabelStudioAnnotation[];
  /**
   * Who made each annotation, in the same order. Not `completed_by`: Label
   * Studio's import accepts there only an email or user id of its own
   * instance and rejects the whole file otherwise; task `meta` is kept as is.
   */
  meta: { annotators: string[] };
}

function result(annotation: ExportAnnotation): LabelStudioResult {
  return {
    // Region ids are free strings; the prefix keeps them from reading as numbers.
    id: `a${annotation.id}`,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value: {
      start: annotation.start,
      end: annotation.end,
      text: annotation.quote,
      labels: [LABEL_INFO[annotation.label].name],
    },
  };
}

export function labelStudioTask(article: ExportArticle): LabelStudioTask {
  // A Map keeps reviewers in the order their first span appears in the text.
  const byAuthor = new Map<string, LabelStudioResult[]>();
  for (const annotation of article.annotations) {
    const username = annotation.author.username;
    const results = byAuthor.get(username);
    if (results) results.push(result(annotation));
    else byAuthor.set(username, [result(annotation)]);
  }
  return {
    id: article.id,
    data: { text: article.text, title: article.title, source: article.source, url: article.url },
    annotations: [...byAuthor.values()].map((results) => ({ ground_truth: false, result: results })),
    meta: { annotators: [...byAuthor.keys()] },
  };
}

export const labelStudioFormat: ExportFormat = {
  name: 'label-studio',
  description: 'Label Studio tasks JSON: one task per article, one annotation per reviewer',
  extension: 'json',
  contentType: 'application/json',
  async *write(articles) {
    yield '[';
    let first = true;
    for await (const article of articles) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(labelStudioTask(article))}`;
      first = false;
    }
    yield '\n]\n';
  },
};
