import type { Metadata } from 'next';
import { adminPageViewer } from '@/app/_server/session';
import { OnlyForAdmins } from '@/app/_client/OnlyForAdmins';
import { AddArticleForm } from './AddArticleForm';

export const metadata: Metadata = { title: 'Add article' };

export default async function NewArticlePage() {
  if (!(await adminPageViewer('/articles/new'))) return <OnlyForAdmins what="add articles" />;
  return (
    <div className="page narrow">
      <h1>Add article</h1>
      <p className="lede">
        Paste the text or upload .txt and .md files. Line endings, Unicode and trailing spaces are normalised once; a first line
        such as <code>date 2023-11-22</code> becomes the article’s date.
      </p>
      <AddArticleForm />
    </div>
  );
}
