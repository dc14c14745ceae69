import type { AgreementArticleChoice } from '@/db/agreement';

interface Props {
  articles: AgreementArticleChoice[];
  /** The article shown now; undefined for the whole library. */
  selected: number | undefined;
}

/** A plain GET form, so choosing an article works without JavaScript and the result has a shareable address. */
export function ArticlePicker({ articles, selected }: Props) {
  return (
    <form className="agreement-picker" method="get" action="/agreement">
      <label htmlFor="agreement-article">Article</label>
      <select id="agreement-article" name="article" defaultValue={selected === undefined ? '' : String(selected)}>
        <option value="">Whole library</option>
        {articles.map((article) => (
          <option key={article.id} value={article.id}>
            {article.title}
          </option>
        ))}
      </select>
      <button type="submit" className="primary">
        Show
      </button>
    </form>
  );
}
