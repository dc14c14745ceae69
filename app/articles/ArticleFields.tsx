import type { ArticleMetadata } from '@/db/articles';

interface Props {
  defaults?: Partial<ArticleMetadata>;
  titleRequired?: boolean;
}

/** The metadata inputs shared by "Add article" and "Edit details". */
export function ArticleFields({ defaults, titleRequired = false }: Props) {
  return (
    <div className="article-fields">
      <label>
        Title
        <input
          name="title"
          defaultValue={defaults?.title ?? ''}
          required={titleRequired}
          maxLength={500}
          placeholder={titleRequired ? undefined : 'Leave empty to use the first sentence'}
        />
      </label>
      <label>
        Source
        <input name="source" defaultValue={defaults?.source ?? ''} maxLength={200} placeholder="e.g. The National" />
      </label>
      <label>
        URL
        <input name="url" type="url" defaultValue={defaults?.url ?? ''} placeholder="https://" />
      </label>
      <label>
        Date
        <input name="publishedOn" type="date" defaultValue={defaults?.publishedOn ?? ''} />
      </label>
      <label>
        Time
        {/* A text field, not type="time": a time needs its zone, which the browser's time picker cannot carry. */}
        <input
          name="publishedTime"
          defaultValue={defaults?.publishedTime?.replace(/Z$/, '') ?? ''}
          placeholder="14:05 (UTC) or 17:05+03:00"
          autoComplete="off"
          maxLength={20}
        />
      </label>
    </div>
  );
}
