// The closed lists of the domain, shared by the schema, request validation and the UI.

export const ACTOR_KINDS = ['person', 'organisation', 'armed_group', 'government_body', 'place', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const FIGURE_QUALIFIERS = ['exact', 'at_least', 'at_most', 'about', 'range', 'vague'] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed', 'false', 'misleading'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const COMPARISON_STATUSES = ['open', 'explained', 'resolved'] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];
