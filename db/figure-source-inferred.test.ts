import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import { exportArticles } from './export';
import { commandLineViewer } from './reviewers';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-inferred-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const TEXT =
  'US Central Command said on Tuesday that its forces had hit militia sites. “The forces conducted precision strikes against two facilities in Iraq,” it said in a statement.';

function exportedFigure() {
  const [article] = [...exportArticles(commandLineViewer(), { layer: 'all' })];
  return article?.annotations[0]?.figure;
}

describe('an inferred figure source', () => {
  it('is stored and exported as inferred, kept by other edits, and cleared when the reviewer changes the source', () => {
    process.env.DATABASE_PATH = path.join(folder, 'inferred.db');
    const viewer = commandLineViewer();
    const article = createArticle(viewer, { text: TEXT, title: 'Strikes' });
    const start = article.text.indexOf('two facilities');
    const figure = createAnnotation(viewer, article.id, { label: 'figure', start, end: start + 'two facilities'.length, quote: 'two facilities' });
    expect(exportedFigure()).toMatchObject({ sourceText: 'US Central Command', sourceInferred: true });
    updateAnnotation(viewer, figure.id, { figure: { category: 'strikes', sourceText: 'US Central Command' } });
    expect(exportedFigure()).toMatchObject({ sourceInferred: true });
    updateAnnotation(viewer, figure.id, { figure: { sourceText: 'CENTCOM' } });
    expect(exportedFigure()).toMatchObject({ sourceText: 'CENTCOM', sourceInferred: false });
  });
});
