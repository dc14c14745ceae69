import type { Metadata } from 'next';
import { pageViewer } from '@/app/_server/session';
import { requireAdmin, type Viewer } from '@/db/access';
import { agreementArticleChoices, agreementForViewer, type AgreementReport } from '@/db/agreement';
import { isAppError } from '@/lib/errors';
import { AgreementChart } from './AgreementChart';
import { FigureAgreementTable, SpanAgreementTable } from './AgreementTables';
import { ArticlePicker } from './ArticlePicker';
import { appDatabase } from '@/db/client';
import type { Database } from '@/db/database';

export const metadata: Metadata = { title: 'Agreement' };

type Props = { searchParams: Promise<{ article?: string | string[] }> };

/** A reviewer who follows a link here gets a sentence, not an error page: nothing is wrong, it is just not theirs to see. */
function mayViewAgreement(viewer: Viewer): boolean {
  try {
    requireAdmin(viewer);
    return true;
  } catch (error) {
    if (isAppError(error) && error.status === 403) return false;
    throw error;
  }
}

/** The report, or the reason there is none when the chosen article does not exist (any more). */
async function loadReport(db: Database, viewer: Viewer, articleId: number | undefined): Promise<{ report: AgreementReport } | { missing: string }> {
  try {
    return { report: await agreementForViewer(db, viewer, articleId) };
  } catch (error) {
    if (isAppError(error) && error.status === 404) return { missing: error.message };
    throw error;
  }
}

export default async function AgreementPage({ searchParams }: Props) {
  const db = appDatabase();
  const requested = (await searchParams).article;
  // An empty value is the form's "Whole library" option.
  const articleParam = typeof requested === 'string' && requested !== '' ? requested : undefined;
  const viewer = await pageViewer(articleParam === undefined ? '/agreement' : `/agreement?article=${encodeURIComponent(articleParam)}`);

  if (!mayViewAgreement(viewer)) {
    return (
      <div className="page narrow">
        <h1>Agreement</h1>
        <p className="empty">Only admins can see agreement.</p>
      </div>
    );
  }

  const articleId = articleParam !== undefined && /^[1-9]\d{0,15}$/.test(articleParam) ? Number(articleParam) : undefined;
  const loaded = articleParam !== undefined && articleId === undefined ? { missing: `There is no article “${articleParam}”.` } : await loadReport(db, viewer, articleId);
  const csvHref = articleId === undefined ? '/api/agreement?format=csv' : `/api/agreement?format=csv&article=${articleId}`;

  return (
    <div className="page agreement-page">
      <h1>Agreement</h1>
      <ArticlePicker articles={await agreementArticleChoices(db, viewer)} selected={'report' in loaded ? articleId : undefined} />
      <p className="agreement-explanation">
        Reviewers are compared pairwise, per label: exact F1 counts spans with the same start and end, overlap F1 spans that share
        text, and token-level Cohen&rsquo;s kappa asks, word by word, whether both put the word in a span of that label, allowing
        for chance. Figures are matched by exact span, then compared on value and category. Over the whole library, counts are added
        across articles before scoring. &ldquo;—&rdquo; means a score is undefined, for example when neither reviewer tagged that
        label.
      </p>
      {'missing' in loaded ? (
        <p className="empty" role="status">
          {loaded.missing} Choose another article or the whole library.
        </p>
      ) : loaded.report.pairs.length === 0 ? (
        <p className="empty">Agreement needs at least two reviewers&rsquo; layers on the same article.</p>
      ) : (
        <>
          <div className="agreement-summary">
            <p>
              {loaded.report.reviewers.length} reviewers over {loaded.report.articles} article{loaded.report.articles === 1 ? '' : 's'}:{' '}
              {loaded.report.reviewers.join(', ')}.
            </p>
            <a className="button" href={csvHref} download>
              Download CSV
            </a>
          </div>
          <SpanAgreementTable pairs={loaded.report.pairs} />
          <FigureAgreementTable pairs={loaded.report.pairs} />
          <h2 className="agreement-chart-heading">At a glance</h2>
          <AgreementChart pairs={loaded.report.pairs} />
        </>
      )}
    </div>
  );
}
