import type { Metadata } from 'next';
import { adminPageViewer } from '@/app/_server/session';
import { OnlyForAdmins } from '@/app/_client/OnlyForAdmins';
import { ImportForm } from './ImportForm';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  if (!(await adminPageViewer('/import'))) return <OnlyForAdmins what="import files" />;
  return (
    <div className="page narrow">
      <h1>Import</h1>
      <p className="lede">
        Articles from <code>.txt</code>, <code>.md</code> and saved news pages (<code>.html</code>, reduced to their article text as
        reader modes do; nothing on the page runs), or JSON Lines with one article per line. Annotated datasets from Crosscheck
        JSONL, brat standoff (<code>.zip</code> of <code>.txt</code>/<code>.ann</code>) and doccano JSONL. A file with any bad line is
        refused whole, with a report of every problem.
      </p>
      <ImportForm />
    </div>
  );
}
