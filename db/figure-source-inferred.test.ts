import { describe, expect, it } from 'vitest';
import type { Viewer } from './access';
import { createAnnotation, updateAnnotation } from './annotations';
import { createArticle } from './articles';
import type { Database } from './database';
import { exportArticles } from './export';
import { freshDatabase } from './test-database.test-helper';

const TEXT =
  'US Central Command said on Tuesday that its forces had hit militia sites. “The forces conducted precision strikes against two facilities in Iraq,” it said in a statement.';

async function exportedFigure(db: Database, viewer: Viewer) {
  for await (const article of exportArticles(db, viewer, { layer: 'all' })) return article.annotations[0]?.figure;
  return undefined;
}

describe('an inferred figure source', () => {
  it('is stored and exported as inferred, kept by other edits, and cleared when the reviewer changes the source', async () => {
    const { db, admin: viewer } = await freshDatabase('inferred');
    const article = await createArticle(db, viewer, { text: TEXT, title: 'Strikes' });
    const start = article.text.indexOf('two facilities');
    const figure = await createAnnotation(db, viewer, article.id, { label: 'figure', start, end: start + 'two facilities'.length, quote: 'two facilities' });
    expect(await exportedFigure(db, viewer)).toMatchObject({ sourceText: 'US Central Command', sourceInferred: true });
    await updateAnnotation(db, viewer, figure.id, { figure: { category: 'strikes', sourceText: 'US Central Command' } });
    expect(await exportedFigure(db, viewer)).toMatchObject({ sourceInferred: true });
    await updateAnnotation(db, viewer, figure.id, { figure: { sourceText: 'CENTCOM' } });
    expect(await exportedFigure(db, viewer)).toMatchObject({ sourceText: 'CENTCOM', sourceInferred: false });
  });
});
