import { sql } from 'drizzle-orm';
import { ACTOR_KINDS, ARTICLE_SHARING, CLAIM_STATUSES, COMPARISON_STATUSES, FIGURE_QUALIFIERS, PROGRESS_STATUSES, REVIEWER_KINDS, ROLES } from '../lib/vocabulary';
import { check, index, type AnySQLiteColumn, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Timestamps are ISO-8601 UTC strings: they sort as text, read well in exports
// and need no conversion at the JSON edge.

// A layer of annotations. Most are people who sign in (`authUserId` links the Better Auth
// user that holds their password); the one `gold` layer is the adjudicated result.
export const reviewers = sqliteTable(
  'reviewers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: REVIEWER_KINDS }).notNull().default('person'),
    role: text('role', { enum: ROLES }).notNull().default('reviewer'),
    authUserId: text('auth_user_id')
      .unique()
      .references(() => authUsers.id),
    // Set when an admin disables the account: sign-in, sessions and API tokens stop working.
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    check('reviewers_kind_known', sql`${table.kind} in ('person', 'gold')`),
    check('reviewers_role_known', sql`${table.role} in ('admin', 'reviewer')`),
  ],
);
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
    // The time of day, with its UTC offset ("14:05Z", "17:05+03:00"): see lib/dates/publication-time.ts.
    publishedTime: text('published_time'),
    // Normalised once at import and never rewritten: every offset points into it.
    text: text('text').notNull(),
    wordCount: integer('word_count').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => reviewers.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    // Blind: a reviewer sees only their own layer until they mark their work done.
    sharing: text('sharing', { enum: ARTICLE_SHARING }).notNull().default('blind'),
    // Versions: an outlet's update is a new article row that points at the one it replaces;
    // the replaced one stays readable and records its successor, so the library lists the latest.
    versionNumber: integer('version_number').notNull().default(1),
    previousVersionId: integer('previous_version_id').references((): AnySQLiteColumn => articles.id),
    nextVersionId: integer('next_version_id').references((): AnySQLiteColumn => articles.id),
    // The latest history row about the article or its annotations, kept by logChange (db/history-log.ts)
    // so the library sorts by last activity from an index instead of grouping all of history.
    lastActivityAt: text('last_activity_at'),
  },
  (table) => {
    // The library lists live, latest versions only; partial indexes over exactly those rows let it
    // sort, filter and count one page without reading the article rows (their text) it skips. Each
    // holds its sort key, then the id (the tie-break, so no sort step is needed), then the two
    // columns of its condition: SQLite still tests the condition, and finds them in the index.
    const listed = sql`${table.deletedAt} is null and ${table.nextVersionId} is null`;
    const condition = [table.deletedAt, table.nextVersionId] as const;
    return [
      index('articles_created_at_idx').on(table.createdAt),
      index('articles_previous_version_idx').on(table.previousVersionId),
      index('articles_listed_created_idx').on(table.createdAt, table.id, ...condition).where(listed),
      index('articles_listed_published_idx').on(table.publishedOn, table.id, ...condition).where(listed),
      // Oldest first with undated articles last (SQLite sorts NULL first, which an index on the column alone would serve).
      index('articles_listed_published_dated_first_idx').on(sql`(${table.publishedOn} is null)`, table.publishedOn, table.id, ...condition).where(listed),
      index('articles_listed_activity_idx').on(table.lastActivityAt, table.id, ...condition).where(listed),
      index('articles_listed_title_idx').on(sql`${table.title} collate nocase`, table.id, ...condition).where(listed),
      index('articles_listed_source_idx').on(table.source, table.createdAt, table.id, ...condition).where(listed),
    ];
  },
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
    // For actor spans: the entity this mention names (one actor, many mentions).
    actorId: integer('actor_id').references(() => actors.id),
    // Bumped on every change so a stale client cannot overwrite a newer edit unseen.
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    // Set on an annotation carried over from an earlier version of its article: the one it came from.
    carriedFromId: integer('carried_from_id').references((): AnySQLiteColumn => annotations.id),
  },
  (table) => [
    index('annotations_article_start_idx').on(table.articleId, table.start),
    index('annotations_actor_idx').on(table.actorId),
    // One layer's annotations per article: the library's per-page counts and per-reviewer progress.
    index('annotations_layer_article_idx').on(table.reviewerId, table.articleId, table.label),
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
    entityType: text('entity_type', { enum: ['article', 'annotation', 'actor', 'comparison', 'category'] }).notNull(),
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

// An entity that actor spans mention, claims are made by and figures are sourced to.
// `nameKey` is the normalised canonical name, so "kataib  Hezbollah" finds the same actor.
export const actors = sqliteTable(
  'actors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    canonicalName: text('canonical_name').notNull(),
    nameKey: text('name_key').notNull(),
    kind: text('kind', { enum: ACTOR_KINDS }).notNull().default('other'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => reviewers.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [uniqueIndex('actors_name_key_unique').on(table.nameKey)],
);
export type Actor = typeof actors.$inferSelect;

export const actorAliases = sqliteTable(
  'actor_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id),
    alias: text('alias').notNull(),
    aliasKey: text('alias_key').notNull(),
  },
  (table) => [uniqueIndex('actor_aliases_key_unique').on(table.aliasKey), index('actor_aliases_actor_idx').on(table.actorId)],
);
export type ActorAlias = typeof actorAliases.$inferSelect;

// What a figure span means. One row per figure annotation, created with the annotation
// from the automatic reading and corrected by reviewers; changes are logged as annotation updates.
export const figureDetails = sqliteTable(
  'figure_details',
  {
    annotationId: integer('annotation_id')
      .primaryKey()
      .references(() => annotations.id),
    valueMin: real('value_min'),
    valueMax: real('value_max'),
    qualifier: text('qualifier', { enum: FIGURE_QUALIFIERS }).notNull().default('exact'),
    vague: integer('vague', { mode: 'boolean' }).notNull().default(false),
    category: text('category').notNull().default('other'),
    counted: text('counted'),
    place: text('place'),
    time: text('time'),
    // Who says so: a linked actor, or free text such as "two Iraqi security officials".
    sourceActorId: integer('source_actor_id').references(() => actors.id),
    sourceText: text('source_text'),
    // The reader resolved the source from a pronoun ("it said"); cleared when a reviewer sets the source.
    sourceInferred: integer('source_inferred', { mode: 'boolean' }).notNull().default(false),
  },
  // The figures an actor is the source of (actor pages, the search index's rename trigger).
  (table) => [index('figure_details_source_actor_idx').on(table.sourceActorId)],
);
export type FigureDetails = typeof figureDetails.$inferSelect;

export const claimDetails = sqliteTable('claim_details', {
  annotationId: integer('annotation_id')
    .primaryKey()
    .references(() => annotations.id),
  claimantActorId: integer('claimant_actor_id').references(() => actors.id),
  status: text('status', { enum: CLAIM_STATUSES }).notNull().default('unverified'),
});
export type ClaimDetails = typeof claimDetails.$inferSelect;

// Derived, never written by the app: one row per figure annotation with its layer and its
// article's publication date, kept by triggers (the figure_timeline_triggers migration), so the conflict finder reads a
// layer's figures newest first, or within a few days of a date, from one index instead of joining
// and sorting every figure of the library. Deleted annotations and articles keep their rows; readers
// join the live tables.
export const figureTimeline = sqliteTable(
  'figure_timeline',
  {
    annotationId: integer('annotation_id')
      .primaryKey()
      .references(() => annotations.id),
    layerId: integer('layer_id').notNull(),
    articleId: integer('article_id').notNull(),
    publishedOn: text('published_on'),
  },
  (table) => [index('figure_timeline_layer_date_idx').on(table.layerId, table.publishedOn, table.annotationId), index('figure_timeline_article_idx').on(table.articleId)],
);

// Derived, never written by the app's own queries: each figure's place under the key the
// suggestion rule compares places by (normalisePlace in lib/comparisons/normalise.ts, which SQL
// cannot compute), so the reader's suggestions find the figures that share a place through an
// index instead of reading every figure. Triggers (the suggestion_indexes migration) copy a new or
// changed place here and mark the row stale, with no key; db/comparisons.ts computes the keys of
// stale rows (refreshPlaceKeys) and reads the few rows still stale by themselves, so a suggestion
// never misses a figure whose key is not computed yet.
export const figurePlaceKeys = sqliteTable(
  'figure_place_keys',
  {
    annotationId: integer('annotation_id')
      .primaryKey()
      .references(() => annotations.id),
    // The figure's place as the triggers last copied it from figure_details.
    place: text('place'),
    // normalisePlace(place); null while stale, or when the place is blank.
    placeKey: text('place_key'),
    stale: integer('stale', { mode: 'boolean' }).notNull().default(true),
  },
  (table) => [
    index('figure_place_keys_key_idx').on(table.placeKey),
    // The rows still to key, by place (one update keys every row of a place).
    index('figure_place_keys_stale_idx').on(table.place).where(sql`${table.stale} = 1`),
  ],
);

// Figure and claim spans whose automatic reading has not run yet: the API stores the span at
// once and reads it after the commit (db/readings.ts). A row here survives a crash, so the
// reading is resumed on the next start; it is deleted when the reading is stored.
export const pendingReadings = sqliteTable('pending_readings', {
  annotationId: integer('annotation_id')
    .primaryKey()
    .references(() => annotations.id),
  queuedAt: text('queued_at').notNull(),
});

// The editable list of what figures count.
export const figureCategories = sqliteTable('figure_categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  position: integer('position').notNull(),
  createdAt: text('created_at').notNull(),
});
export type FigureCategory = typeof figureCategories.$inferSelect;

// A named event ("Strikes on Jurf Al Sakhar, 22 Nov 2023") that comparisons can share.
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    createdAt: text('created_at').notNull(),
    // An event is also an incident record (issue 13): when and where it happened, as the desk states it.
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    place: text('place'),
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at'),
  },
  (table) => [uniqueIndex('events_name_key_unique').on(table.nameKey)],
);
export type Event = typeof events.$inferSelect;

// Figures added to an incident one by one (from the reader's panel or the finder); figures of
// the incident's comparisons belong to it as well, without a row here.
export const eventFigures = sqliteTable(
  'event_figures',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    annotationId: integer('annotation_id')
      .notNull()
      .references(() => annotations.id),
    addedBy: integer('added_by')
      .notNull()
      .references(() => reviewers.id),
    addedAt: text('added_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.annotationId] }), index('event_figures_annotation_idx').on(table.annotationId)],
);
export type EventFigure = typeof eventFigures.$inferSelect;

// Two or more figures, from one article or several, that speak of the same thing.
export const comparisons = sqliteTable(
  'comparisons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    status: text('status', { enum: COMPARISON_STATUSES }).notNull().default('open'),
    resolutionNote: text('resolution_note').notNull().default(''),
    eventId: integer('event_id').references(() => events.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => reviewers.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
    // The layer whose figures it compares: suggestions, lists and exports stay within a layer.
    layerId: integer('layer_id')
      .notNull()
      .references(() => reviewers.id),
    // Curation of a reviewer's comparison: when it was carried into gold (goldCopyId: the gold
    // comparison) or dropped (goldCopyId null), so it is neither carried nor offered again.
    curatedAt: text('curated_at'),
    goldCopyId: integer('gold_copy_id'),
  },
  (table) => [index('comparisons_layer_idx').on(table.layerId)],
);
export type Comparison = typeof comparisons.$inferSelect;

export const comparisonMembers = sqliteTable(
  'comparison_members',
  {
    comparisonId: integer('comparison_id')
      .notNull()
      .references(() => comparisons.id),
    annotationId: integer('annotation_id')
      .notNull()
      .references(() => annotations.id),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.comparisonId, table.annotationId] }), index('comparison_members_annotation_idx').on(table.annotationId)],
);
export type ComparisonMember = typeof comparisonMembers.$inferSelect;

// Suggestions a reviewer turned down, by their order-independent key ("3-7-12"), so they stay gone.
export const dismissedSuggestions = sqliteTable('dismissed_suggestions', {
  key: text('key').primaryKey(),
  dismissedBy: integer('dismissed_by')
    .notNull()
    .references(() => reviewers.id),
  dismissedAt: text('dismissed_at').notNull(),
});

// One row per reviewer working on an article: created by an assignment (or by the first
// annotation an admin makes unassigned), and carrying that reviewer's progress.
export const assignments = sqliteTable(
  'assignments',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    status: text('status', { enum: PROGRESS_STATUSES }).notNull().default('not_started'),
    assignedBy: integer('assigned_by').references(() => reviewers.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.reviewerId] }),
    index('assignments_reviewer_idx').on(table.reviewerId),
    check('assignments_status_known', sql`${table.status} in ('not_started', 'in_progress', 'done')`),
  ],
);
export type Assignment = typeof assignments.$inferSelect;

// An admin's "reject" in the curation view, keyed by the disputed stretch of text, so the
// disagreement stays settled; a reviewer editing those spans yields a new key and reopens it.
export const curationRejections = sqliteTable(
  'curation_rejections',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    start: integer('start_offset').notNull(),
    end: integer('end_offset').notNull(),
    rejectedBy: integer('rejected_by')
      .notNull()
      .references(() => reviewers.id),
    rejectedAt: text('rejected_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.start, table.end] })],
);
export type CurationRejection = typeof curationRejections.$inferSelect;

// Personal API tokens for scripts. Only a SHA-256 of the token is kept: tokens are long
// random strings, so a fast hash is enough and the token itself is shown once.
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // The last characters, so a reviewer can tell tokens apart without the secret.
    hint: text('hint').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (table) => [index('api_tokens_reviewer_idx').on(table.reviewerId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// Failed sign-ins per username; each one past the first few doubles the wait before the next try.
export const signInFailures = sqliteTable('sign_in_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailedAt: text('last_failed_at').notNull(),
});

// Values the app generates once and keeps, such as the secret that signs session cookies.
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/*
 * Better Auth's tables (user, session, account, verification), named auth_* here. Better
 * Auth owns their rows: it hashes passwords into auth_accounts and keeps server-side
 * sessions in auth_sessions. Its dates are stored as epoch milliseconds.
 */
const authTimestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const authUsers = sqliteTable('auth_users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  username: text('username').unique(),
  displayUsername: text('display_username'),
  createdAt: authTimestamp('created_at').notNull(),
  updatedAt: authTimestamp('updated_at').notNull(),
});

export const authSessions = sqliteTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    expiresAt: authTimestamp('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: authTimestamp('created_at').notNull(),
    updatedAt: authTimestamp('updated_at').notNull(),
  },
  (table) => [index('auth_sessions_user_idx').on(table.userId)],
);

export const authAccounts = sqliteTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: authTimestamp('access_token_expires_at'),
    refreshTokenExpiresAt: authTimestamp('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: authTimestamp('created_at').notNull(),
    updatedAt: authTimestamp('updated_at').notNull(),
  },
  (table) => [index('auth_accounts_user_idx').on(table.userId)],
);

export const authVerifications = sqliteTable('auth_verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: authTimestamp('expires_at').notNull(),
  createdAt: authTimestamp('created_at').notNull(),
  updatedAt: authTimestamp('updated_at').notNull(),
});

export { ACTOR_KINDS, CLAIM_STATUSES, COMPARISON_STATUSES, FIGURE_QUALIFIERS };

// An annotation that could not be placed in a new version of its article (its text was
// removed or rewritten): kept, with its quote, and listed on that version.
export const versionOrphans = sqliteTable(
  'version_orphans',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    annotationId: integer('annotation_id')
      .notNull()
      .references(() => annotations.id),
    createdAt: text('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.annotationId] })],
);
export type VersionOrphan = typeof versionOrphans.$inferSelect;
