// The closed lists of the domain, shared by the schema, request validation and the UI.

export const ACTOR_KINDS = ['person', 'organisation', 'armed_group', 'government_body', 'place', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const FIGURE_QUALIFIERS = ['exact', 'at_least', 'at_most', 'about', 'range', 'vague'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed', 'false', 'misleading'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const COMPARISON_STATUSES = ['open', 'explained', 'resolved'] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/** What a signed-in person may do: admins run the team, reviewers annotate what they are assigned. */
export const ROLES = ['admin', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** A layer belongs to a person, or is the one adjudicated gold layer. */
export const REVIEWER_KINDS = ['person', 'gold'] as const;

/** Whether reviewers of an article see each other's layers before they are done. */
export const ARTICLE_SHARING = ['blind', 'shared'] as const;
export type ArticleSharing = (typeof ARTICLE_SHARING)[number];

/** One reviewer's progress on one article. */
export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** What adding an article does when the library already holds one from the same web address (db/article-add.ts). */
export const IF_URL_EXISTS = ['refuse', 'new-version', 'add'] as const;
export type IfUrlExists = (typeof IF_URL_EXISTS)[number];
