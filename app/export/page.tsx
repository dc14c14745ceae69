import type { Metadata } from 'next';
import { connection } from 'next/server';
import { listArticles } from '@/db/articles';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { ExportForm } from './ExportForm';

export const metadata: Metadata = { title: 'Export' };

type Props = { searchParams: Promise<{ article?: string | string[] }> };

export default async function ExportPage({ searchParams }: Props) {
  await connection();
  const requested = (await searchParams).article;
  const preselected = (Array.isArray(requested) ? requested : requested ? [requested] : []).map(Number).filter(Number.isInteger);
  return (
    <div className="page narrow">
      <h1>Export</h1>
      <p className="lede">
        Download annotated articles in the formats NLP and fact-checking tools read. Exports stream, so the whole library downloads
        as fast as the disk allows; for very large libraries use <code>npm run export</code>.
      </p>
      <ExportForm
        formats={EXPORT_FORMATS.map(({ name, description, extension }) => ({ name, description, extension }))}
        articles={listArticles().map(({ id, title }) => ({ id, title }))}
        preselected={preselected}
      />
    </div>
  );
}
