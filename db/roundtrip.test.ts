import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonlFormat } from '../lib/export/jsonl';
import { parseCrosscheckJsonl } from '../lib/import/crosscheck-jsonl';
import { updateActor } from './actors';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import { createComparison } from './comparisons';
import { exportArticles, exportContext } from './export';
import { importParsedFile } from './import';
import { commandLineViewer } from './reviewers';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'samples', 'us-strikes-iraq-2023-11-22.txt'), 'utf8');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-roundtrip-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function useDatabase(name: string) {
  process.env.DATABASE_PATH = path.join(folder, name);
}

function exportJsonl(): string {
  return [...jsonlFormat.write(exportArticles(commandLineViewer(), { layer: 'all' }), exportContext('http://localhost:3000', new Date('2026-01-01T00:00:00.000Z')))].join('');
}

function tag(articleId: number, text: string, quote: string, label: 'claim' | 'actor' | 'figure', occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  return createAnnotation(commandLineViewer(), articleId, { label, start, end: start + quote.length, quote });
}

describe('Crosscheck JSONL', () => {
  it('exports, imports into an empty database and exports again byte for byte', async () => {
    useDatabase('source.db');
    const reviewer = commandLineViewer();
    const first = createArticle(reviewer, { text: SAMPLE, source: 'The National' });
    const second = createArticle(reviewer, { text: 'date 2023-11-23\r\n👍🏽 Kataib Hezbollah said seven of its fighters were killed in Jurf Al Sakhar.', title: 'Second outlet' });
    const actor = tag(first.id, first.text, 'Kataib Hezbollah', 'actor', 2);
    updateActor(reviewer, actor.actor!.id, { kind: 'armed_group', aliases: ['KH', 'Kata’ib Hizballah'] });
    const killed = tag(first.id, first.text, 'five of its fighters were killed', 'figure');
    const wounded = tag(first.id, first.text, 'five fighters were wounded', 'figure');
    const claim = tag(first.id, first.text, 'Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar', 'claim');
    updateAnnotation(reviewer, claim.id, { claim: { status: 'disputed' }, note: 'Other groups say wounded.' });
    updateAnnotation(reviewer, wounded.id, { figure: { counted: 'fighters', sourceText: 'Other militia groups' } });
    const seven = tag(second.id, second.text, 'seven of its fighters were killed', 'figure');
    const gone = tag(first.id, first.text, 'two Iraqi security officials', 'actor');
    deleteAnnotation(reviewer, gone.id);
    createComparison(reviewer, { title: 'Jurf Al Sakhar casualties', annotationIds: [killed.id, wounded.id, seven.id], eventName: 'US strikes in Iraq' });

    const exported = exportJsonl();
    expect(exported.split('\n').filter(Boolean)).toHaveLength(2);
    expect(exported).not.toContain('two Iraqi security officials","prefix'); // the deleted annotation stays out

    useDatabase('target.db');
    const parsed = parseCrosscheckJsonl(exported, 'library.jsonl');
    expect(parsed.problems).toEqual([]);
    const report = await importParsedFile(commandLineViewer(), 'library.jsonl', parsed);
    expect(report).toMatchObject({ imported: true, annotationCount: 5, comparisonCount: 1, problems: [] });
    expect(report.notes).toEqual([]);
    expect(exportJsonl()).toBe(exported);

    // Importing the same file again: every id is taken now, so everything gets new ids and the
    // comparison is rebuilt from the renumbered figures, with one note per article, not per span.
    const again = await importParsedFile(commandLineViewer(), 'library.jsonl', parseCrosscheckJsonl(exported, 'library.jsonl'));
    expect(again).toMatchObject({ imported: true, annotationCount: 5, comparisonCount: 1 });
    expect(again.notes).toHaveLength(4);
    expect(again.notes.filter((note) => note.includes('given new ids'))).toHaveLength(2);
    const reimported = exportJsonl().trim().split('\n').map((line) => JSON.parse(line));
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
    useDatabase('refused.db');
    const good = JSON.stringify({ text: 'A fine article about five fighters.' });
    const parsed = parseCrosscheckJsonl(`${good}\n{broken\n`, 'bad.jsonl');
    expect(parsed.problems.map((problem) => problem.line)).toEqual([2]);
    const report = await importParsedFile(commandLineViewer(), 'bad.jsonl', parsed);
    expect(report.imported).toBe(false);
    expect([...exportArticles(commandLineViewer(), { layer: 'all' })]).toEqual([]);
  });
});
