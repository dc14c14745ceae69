import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlFormat } from '../lib/export/jsonl';
import { parseCrosscheckJsonl } from '../lib/import/crosscheck-jsonl';
import { updateActor } from './actors';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import { createComparison } from './comparisons';
import { exportArticles, exportContext } from './export';
import type { Viewer } from './access';
import type { Database } from './database';
import { importParsedFile } from './import';
import { freshDatabase } from './test-database.test-helper';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
/** The database a step works on and the first admin in it, as the export and import commands act. */
let db: Database;
let reviewer: Viewer;

async function useDatabase(name: string): Promise<void> {
  ({ db, admin: reviewer } = await freshDatabase(name));
}

async function exportJsonl(): Promise<string> {
  let out = '';
  for await (const chunk of jsonlFormat.write(exportArticles(db, reviewer, { layer: 'all' }), exportContext('http://localhost:3000', new Date('2026-01-01T00:00:00.000Z')))) {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  }
  return out;
}

async function exportedArticleCount(): Promise<number> {
  let count = 0;
  for await (const _article of exportArticles(db, reviewer, { layer: 'all' })) count += 1;
  return count;
}

function tag(articleId: number, text: string, quote: string, label: 'claim' | 'actor' | 'figure', occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  return createAnnotation(db, reviewer, articleId, { label, start, end: start + quote.length, quote });
}

describe('Crosscheck JSONL', () => {
  it('exports, imports into an empty database and exports again byte for byte', async () => {
    await useDatabase('source');
    const first = await createArticle(db, reviewer, { text: SAMPLE, source: 'The National' });
    const second = await createArticle(db, reviewer, { text: 'date 2023-11-23\r\n👍🏽 Kataib Hezbollah said seven of its fighters were killed in Jurf Al Sakhar.', title: 'Second outlet' });
    const actor = await tag(first.id, first.text, 'Kataib Hezbollah', 'actor', 2);
    await updateActor(db, reviewer, actor.actor!.id, { kind: 'armed_group', aliases: ['KH', 'Kata’ib Hizballah'] });
    const killed = await tag(first.id, first.text, 'five of its fighters were killed', 'figure');
    const wounded = await tag(first.id, first.text, 'five fighters were wounded', 'figure');
    const claim = await tag(first.id, first.text, 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar', 'claim');
    await updateAnnotation(db, reviewer, claim.id, { claim: { status: 'disputed' }, note: 'Other groups say wounded.' });
    await updateAnnotation(db, reviewer, wounded.id, { figure: { counted: 'fighters', sourceText: 'Other militia groups' } });
    const seven = await tag(second.id, second.text, 'seven of its fighters were killed', 'figure');
    const gone = await tag(first.id, first.text, 'two Iraqi security officials', 'actor');
    await deleteAnnotation(db, reviewer, gone.id);
    await createComparison(db, reviewer, { title: 'Jurf Al Sakhar casualties', annotationIds: [killed.id, wounded.id, seven.id], eventName: 'US strikes in Iraq' });

    const exported = await exportJsonl();
    expect(exported.split('\n').filter(Boolean)).toHaveLength(2);
    expect(exported).not.toContain('two Iraqi security officials","prefix'); // the deleted annotation stays out

    await useDatabase('target');
    const parsed = parseCrosscheckJsonl(exported, 'library.jsonl');
    expect(parsed.problems).toEqual([]);
    const report = await importParsedFile(db, reviewer, 'library.jsonl', parsed);
    expect(report).toMatchObject({ imported: true, annotationCount: 5, comparisonCount: 1, problems: [] });
    expect(report.notes).toEqual([]);
    expect(await exportJsonl()).toBe(exported);

    // Importing the same file again: every id is taken now, so everything gets new ids and the
    // comparison is rebuilt from the renumbered figures, with one note per article, not per span.
    const again = await importParsedFile(db, reviewer, 'library.jsonl', parseCrosscheckJsonl(exported, 'library.jsonl'));
    expect(again).toMatchObject({ imported: true, annotationCount: 5, comparisonCount: 1 });
    expect(again.notes).toHaveLength(4);
    expect(again.notes.filter((note) => note.includes('given new ids'))).toHaveLength(2);
    const reimported = (await exportJsonl()).trim().split('\n').map((line) => JSON.parse(line));
    expect(reimported).toHaveLength(4);
    const [, , third, fourth] = reimported;
    expect(third.annotations.map((a: { quote: string }) => a.quote)).toEqual(JSON.parse(exported.split('\n')[0]!).annotations.map((a: { quote: string }) => a.quote));
    expect(fourth.comparisons[0].figures.map((f: { quote: string }) => f.quote)).toEqual([
      'five of its fighters were killed',
      'five fighters were wounded',
      'seven of its fighters were killed',
    ]);
    // Now async (the import yields between transactions), so the timeout applies: a busy machine needs more than 5 s.
  }, 30_000);

  it('refuses a file with one bad line and writes nothing from it', async () => {
    await useDatabase('refused');
    const good = JSON.stringify({ text: 'A fine article about five fighters.' });
    const parsed = parseCrosscheckJsonl(`${good}\n{broken\n`, 'bad.jsonl');
    expect(parsed.problems.map((problem) => problem.line)).toEqual([2]);
    const report = await importParsedFile(db, reviewer, 'bad.jsonl', parsed);
    expect(report.imported).toBe(false);
    expect(await exportedArticleCount()).toBe(0);
  });
});
