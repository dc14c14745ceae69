import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Timestamps are ISO-8601 UTC strings: they sort as text, read well in exports
// and need no conversion at the JSON edge.

export const reviewers = sqliteTable('reviewers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  createdAt: text('created_at').notNull(),
});
export type Reviewer = typeof reviewers.$inferSelect;
export type NewReviewer = typeof reviewers.$inferInsert;

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    source: text('source').notNull().default(''),
    url: text('url'),
    publishedOn: text('published_on'),
    // Normalised once at import and never rewritten: every offset points into it.
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => reviewers.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [index('articles_created_at_idx').on(table.createdAt)],
);
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    label: text('label', { enum: ['claim', 'actor', 'figure'] }).notNull(),
    // UTF-16 code units, the browser's unit; exports convert where a format counts code points.
    start: integer('start_offset').notNull(),
    end: integer('end_offset').notNull(),
    quote: text('quote').notNull(),
    prefix: text('prefix').notNull(),
    suffix: text('suffix').notNull(),
    note: text('note').notNull().default(''),
    // Bumped on every change so a stale client cannot overwrite a newer edit unseen.
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    index('annotations_article_start_idx').on(table.articleId, table.start),
    check('annotations_label_known', sql`${table.label} in ('claim', 'actor', 'figure')`),
    check('annotations_span_ordered', sql`${table.start} >= 0 and ${table.start} < ${table.end}`),
  ],
);
export type Annotation = typeof annotations.$inferSelect;
export type NewAnnotation = typeof annotations.$inferInsert;

// Append-only: one row for every create, update, delete and restore of any entity,
// with the full before/after state as JSON, so no reviewer action is lost.
export const history = sqliteTable(
  'history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type', { enum: ['article', 'annotation'] }).notNull(),
    entityId: integer('entity_id').notNull(),
    articleId: integer('article_id').references(() => articles.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    before: text('before'),
    after: text('after'),
    at: text('at').notNull(),
  },
  (table) => [
    index('history_entity_idx').on(table.entityType, table.entityId),
    index('history_article_idx').on(table.articleId, table.at),
  ],
);
export type HistoryEntry = typeof history.$inferSelect;
export type NewHistoryEntry = typeof history.$inferInsert;
