import type { Metadata } from 'next';
import { connection } from 'next/server';
import { articleChoices } from '@/db/library';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { pageViewer } from '@/app/_server/session';
import { listReviewerAccounts } from '@/db/accounts';
import { summariseExport, type ExportSummary } from '@/db/export-summary';
import type { Viewer } from '@/db/access';
import { isAppError } from '@/lib/errors';
import { ExportForm } from './ExportForm';
import { appDatabase } from '@/db/client';
import type { Database } from '@/db/database';

export const metadata: Metadata = { title: 'Export' };

type Props = { searchParams: Promise<{ article?: string | string[] }> };

export default async function ExportPage({ searchParams }: Props) {
  const db = appDatabase();
  await connection();
  const viewer = await pageViewer('/export');
  const requested = (await searchParams).article;
  const preselected = (Array.isArray(requested) ? requested : requested ? [requested] : []).map(Number).filter(Number.isInteger);
  const layers =
    viewer.role === 'admin'
      ? [
          { value: 'gold', text: 'Gold (adjudicated)' },
          { value: 'all', text: 'All layers' },
          ...(await listReviewerAccounts(db, viewer)).map((reviewer) => ({ value: reviewer.username, text: `${reviewer.displayName} (${reviewer.username})` })),
        ]
      : [{ value: viewer.username, text: `Your layer (${viewer.username})` }];
  return (
    <div className="page narrow">
      <h1>Export</h1>
      <p className="lede">
        Download annotated articles in the formats NLP and fact-checking tools read. Exports stream, so the whole library downloads
        as fast as the disk allows; for very large libraries use <code>npm run export</code>.
      </p>
      <ExportForm
        formats={EXPORT_FORMATS.map(({ name, description, extension }) => ({ name, description, extension }))}
        articles={await articleChoices(db, viewer)}
        layers={layers}
        preselected={preselected}
        initialSummary={await initialSummary(db, viewer, layers[0]?.value, preselected)}
      />
    </div>
  );
}

/** The summary for the form's first choice; none when a preselected article is not one to export (the form says so itself). */
async function initialSummary(db: Database, viewer: Viewer, layer: string | undefined, preselected: number[]): Promise<ExportSummary | null> {
  try {
    return await summariseExport(db, viewer, { layer, ids: preselected.length > 0 ? preselected : undefined });
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}
