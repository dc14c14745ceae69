import { describe, expect, it } from 'vitest';
import { LABEL_STUDIO_CONFIG, labelStudioFormat, type LabelStudioTask } from './label-studio';
import { exportArticle, spanOf, TEST_CONTEXT } from './builders.test-helper';
import type { ExportArticle, ExportAuthor } from './types';
import { collect, collectText, streamOf } from './streams.test-helper';

const context = TEST_CONTEXT;
const bob: ExportAuthor = { username: 'bob', name: 'Bob Brown' };

// 👍🏽 is two astral characters: four UTF-16 code units before "Police" and its space.
const TEXT = '👍🏽 Police said at least 5 died.';

const annotation = (fields: Parameters<typeof spanOf>[1]) => spanOf(TEXT, fields);

function article(fields: Partial<ExportArticle> = {}): ExportArticle {
  return exportArticle({
    id: 7,
    url: 'https://news.example/strike',
    publishedOn: '2024-04-30',
    text: TEXT,
    wordCount: 6,
    createdAt: '2024-05-01T09:00:00.000Z',
    updatedAt: '2024-05-01T09:00:00.000Z',
    annotations: [
      annotation({ id: 1, label: 'claim', start: 5, end: 32 }),
      annotation({ id: 2, label: 'actor', start: 5, end: 11, author: bob }),
      annotation({ id: 3, label: 'figure', start: 17, end: 27 }),
    ],
    ...fields,
  });
}



async function output(articles: Iterable<ExportArticle>): Promise<string> {
  return collectText(labelStudioFormat.write(streamOf(articles), context));
}

async function tasks(articles: Iterable<ExportArticle>): Promise<LabelStudioTask[]> {
  return JSON.parse(await output(articles)) as LabelStudioTask[];
}

describe('labelStudioFormat', () => {
  it('describes a JSON download', () => {
    expect(labelStudioFormat.name).toBe('label-studio');
    expect(labelStudioFormat.extension).toBe('json');
    expect(labelStudioFormat.contentType).toBe('application/json');
  });

  it('writes a task per article with one annotation per reviewer', async () => {
    expect(await tasks([article()])).toEqual([
      {
        id: 7,
        data: { text: TEXT, title: 'Strike', source: 'Wire', url: 'https://news.example/strike' },
        annotations: [
          {
            ground_truth: false,
            result: [
              {
                id: 'a1',
                from_name: 'label',
                to_name: 'text',
                type: 'labels',
                value: { start: 5, end: 32, text: 'Police said at least 5 died', labels: ['Claim'] },
              },
              {
                id: 'a3',
                from_name: 'label',
                to_name: 'text',
                type: 'labels',
                value: { start: 17, end: 27, text: 'at least 5', labels: ['Figure'] },
              },
            ],
          },
          {
            ground_truth: false,
            result: [
              {
                id: 'a2',
                from_name: 'label',
                to_name: 'text',
                type: 'labels',
                value: { start: 5, end: 11, text: 'Police', labels: ['Actor'] },
              },
            ],
          },
        ],
        meta: { annotators: ['alice', 'bob'] },
      },
    ]);
  });

  it('leaves completed_by out, since Label Studio accepts only its own emails or user ids there', async () => {
    const [task] = await tasks([article()]);
    for (const annotation of task?.annotations ?? []) expect(annotation).not.toHaveProperty('completed_by');
  });

  it('keeps UTF-16 offsets, so JavaScript slices the spans back out after an emoji', async () => {
    const [task] = await tasks([article()]);
    const results = task?.annotations.flatMap((a) => a.result) ?? [];
    expect(results).toHaveLength(3);
    for (const { value } of results) expect(task?.data.text.slice(value.start, value.end)).toBe(value.text);
  });

  it('streams the array: opening bracket, comma-separated tasks, closing bracket', async () => {
    const articles = [article({ id: 1, annotations: [] }), article({ id: 2, annotations: [], url: null })];
    const chunks = await collect(labelStudioFormat.write(streamOf(articles), context));
    expect(chunks).toEqual([
      '[',
      `\n{"id":1,"data":{"text":"${TEXT}","title":"Strike","source":"Wire","url":"https://news.example/strike"},"annotations":[],"meta":{"annotators":[]}}`,
      `,\n{"id":2,"data":{"text":"${TEXT}","title":"Strike","source":"Wire","url":null},"annotations":[],"meta":{"annotators":[]}}`,
      '\n]\n',
    ]);
    expect(JSON.parse(chunks.join(''))).toHaveLength(2);
  });

  it('writes an empty array for no articles', async () => {
    expect(await output([])).toBe('[\n]\n');
    expect(JSON.parse(await output([]))).toEqual([]);
  });

  it('writes each task before reading the next article', async () => {
    const pulled: number[] = [];
    async function* articles(): AsyncGenerator<ExportArticle> {
      for (const id of [1, 2]) {
        pulled.push(id);
        yield article({ id, annotations: [] });
      }
    }
    const chunks = labelStudioFormat.write(articles(), context)[Symbol.asyncIterator]();
    expect((await chunks.next()).value).toBe('[');
    expect((await chunks.next()).value).toContain('"id":1');
    expect(pulled).toEqual([1]);
  });
});

describe('LABEL_STUDIO_CONFIG', () => {
  it('is the labelling config for the tasks', () => {
    expect(LABEL_STUDIO_CONFIG).toBe(
      [
        '<View>',
        '  <Labels name="label" toName="text">',
        '    <Label value="Claim" background="#f5be28" hotkey="1"/>',
        '    <Label value="Actor" background="#3c82e6" hotkey="2"/>',
        '    <Label value="Figure" background="#d23278" hotkey="3"/>',
        '  </Labels>',
        '  <Text name="text" value="$text"/>',
        '</View>',
      ].join('\n'),
    );
  });

  it('names every from_name, to_name and label the results use', async () => {
    const labels = /<Labels name="([^"]+)" toName="([^"]+)">/.exec(LABEL_STUDIO_CONFIG);
    const text = /<Text name="([^"]+)" value="\$text"\/>/.exec(LABEL_STUDIO_CONFIG);
    const values = [...LABEL_STUDIO_CONFIG.matchAll(/<Label value="([^"]+)"/g)].map((m) => m[1]);
    const results = (await tasks([article()])).flatMap((task) => task.annotations.flatMap((a) => a.result));
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result.from_name).toBe(labels?.[1]);
      expect(result.to_name).toBe(labels?.[2]);
      expect(result.to_name).toBe(text?.[1]);
      for (const label of result.value.labels) expect(values).toContain(label);
    }
  });
});
