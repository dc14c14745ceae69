import type { Metadata } from 'next';
import { AddArticleForm } from './AddArticleForm';

export const metadata: Metadata = { title: 'Add article' };

export default function NewArticlePage() {
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
