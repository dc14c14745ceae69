import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getComparison, listEvents, listFigures, toComparable, type ComparisonDetail } from '@/db/comparisons';
import { fieldStatuses } from '@/lib/comparisons/field-status';
import { valueList } from '@/lib/comparisons/spread';
import { isAppError } from '@/lib/errors';
import type { Viewer } from '@/db/access';
import { pageViewer } from '@/app/_server/session';
import { ComparisonView } from './ComparisonView';
import { appDatabase } from '@/db/client';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']): Promise<{ viewer: Viewer; comparison: ComparisonDetail }> {
  const db = appDatabase();
  const { id } = await params;
  const viewer = await pageViewer(`/comparisons/${id}`);
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  try {
    return { viewer, comparison: await getComparison(db, viewer, Number(id)) };
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).comparison.title };
}

export default async function ComparisonPage({ params }: Props) {
  const db = appDatabase();
  const { viewer, comparison } = await load(params);
  const members = new Set(comparison.figures.map((figure) => figure.annotationId));
  const candidates = (await listFigures(db, viewer, comparison.layerId))
    .filter((figure) => !members.has(figure.annotationId))
    .map(({ annotationId, articleTitle, quote }) => ({ annotationId, articleTitle, quote }));
  const comparable = comparison.figures.map(toComparable);
  return (
    <div className="page">
      <ComparisonView
        comparison={comparison}
        statuses={fieldStatuses(comparable)}
        values={valueList(comparable)}
        candidates={candidates}
        events={(await listEvents(db, viewer)).map((event) => event.name)}
      />
    </div>
  );
}
