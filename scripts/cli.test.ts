import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each test starts the command through tsx, which takes seconds when the machine is busy.
const COMMAND_TEST_TIMEOUT = 180_000;

// The commands run as users run them (`tsx scripts/….ts`), each against its own database file.
const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-cli-'));
const source = path.join(folder, 'source.db');

function run(script: 'export' | 'import', args: string[], database: string) {
  return spawnSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', `${script}.ts`), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: database },
    encoding: 'utf8',
  });
}

beforeAll(() => {
  // Two articles in the source database, added through the import command itself.
  fs.writeFileSync(path.join(folder, 'one.txt'), 'date 2023-11-22\nKataib Hezbollah said five of its fighters were killed.');
  fs.writeFileSync(path.join(folder, 'two.md'), '# Second report\n\nOther groups said five fighters were wounded.');
  execFileSync(tsx, ['--conditions=react-server', path.join(root, 'scripts', 'import.ts'), path.join(folder, 'one.txt'), path.join(folder, 'two.md')], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: source },
    stdio: 'pipe',
  });
}, COMMAND_TEST_TIMEOUT);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('npm run export', () => {
  it('writes the chosen format to --out with a progress line on stderr', () => {
    const out = path.join(folder, 'all.jsonl');
    const result = run('export', ['--format', 'jsonl', '--out', out], source);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Exported 2 of 2 articles to');
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((article) => [article.title, article.publishedOn])).toEqual([
      ['Kataib Hezbollah said five of its fighters were killed', '2023-11-22'],
      ['Second report', null],
    ]);
  }, COMMAND_TEST_TIMEOUT);

  it('exports only the articles named with --article', () => {
    const out = path.join(folder, 'two.doccano.jsonl');
    const result = run('export', ['--format', 'doccano', '--out', out, '--article', '2'], source);
    expect(result.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
  }, COMMAND_TEST_TIMEOUT);

  it('explains a wrong call and exits non-zero', () => {
    const unknownFormat = run('export', ['--format', 'pdf', '--out', path.join(folder, 'x')], source);
    expect(unknownFormat.status).toBe(2);
    expect(unknownFormat.stderr).toContain('There is no export format “pdf”.');
    const unknownArticle = run('export', ['--format', 'jsonl', '--out', path.join(folder, 'y'), '--article', '99'], source);
    expect(unknownArticle.status).toBe(1);
    expect(unknownArticle.stderr).toContain('There is no article 99 to export.');
    const unknownLayer = run('export', ['--format', 'jsonl', '--out', path.join(folder, 'z'), '--layer', 'nobody'], source);
    expect(unknownLayer.status).toBe(1);
    expect(unknownLayer.stderr).toContain('There is no layer "nobody"');
  }, COMMAND_TEST_TIMEOUT);

  it('exports the gold layer unless --layer names another; imported spans are in the admin’s layer', () => {
    const database = path.join(folder, 'layers.db');
    const doccano = path.join(folder, 'figures.jsonl');
    fs.writeFileSync(doccano, `${JSON.stringify({ text: 'Five fighters were killed.', label: [[0, 25, 'Figure']] })}\n`);
    expect(run('import', [doccano], database).status).toBe(0);
    const annotationsIn = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')).annotations.map((annotation: { quote: string }) => annotation.quote);

    const gold = run('export', ['--format', 'jsonl', '--out', path.join(folder, 'gold.jsonl')], database);
    expect(gold.stderr).toContain('(jsonl, layer gold)');
    expect(annotationsIn(path.join(folder, 'gold.jsonl'))).toEqual([]);
    const admin = run('export', ['--format', 'jsonl', '--out', path.join(folder, 'admin.jsonl'), '--layer', 'admin'], database);
    expect(admin.stderr).toContain('(jsonl, layer admin)');
    expect(annotationsIn(path.join(folder, 'admin.jsonl'))).toEqual(['Five fighters were killed']);
  }, COMMAND_TEST_TIMEOUT);
});

describe('npm run import', () => {
  it('imports an export into an empty database, and refuses a bad file whole, naming its line', () => {
    const exported = path.join(folder, 'all.jsonl');
    if (!fs.existsSync(exported)) run('export', ['--format', 'jsonl', '--out', exported], source);
    const target = path.join(folder, 'target.db');
    const good = run('import', [exported], target);
    expect(good.status).toBe(0);
    expect(good.stderr).toContain('imported 2 articles, 0 annotations, 0 comparisons');

    const bad = path.join(folder, 'bad.jsonl');
    fs.writeFileSync(bad, '{"text":"A fine article."}\n{"text": 5}\n');
    const refused = run('import', [bad], target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('NOT imported');
    expect(refused.stderr).toMatch(/bad\.jsonl:2: /);
    const after = run('export', ['--format', 'jsonl', '--out', path.join(folder, 'after.jsonl')], target);
    expect(after.status).toBe(0);
    expect(fs.readFileSync(path.join(folder, 'after.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  }, COMMAND_TEST_TIMEOUT);
});
