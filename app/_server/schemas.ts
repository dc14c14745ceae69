import { z } from 'zod';
import { ACTOR_KINDS, ARTICLE_SHARING, CLAIM_STATUSES, COMPARISON_STATUSES, FIGURE_QUALIFIERS, IF_URL_EXISTS, PROGRESS_STATUSES, ROLES } from '@/lib/vocabulary';
import { LIBRARY_MAX_PAGE_SIZE, LIBRARY_SORTS } from '@/lib/library/query';
import { LABELS } from '@/lib/labels';
import { isWebAddress, WEB_ADDRESS_RULE } from '@/lib/text/web-address';
import { clockTime } from '@/lib/dates/publication-time';

const MAX_ARTICLE_CHARS = 5_000_000;
const MAX_NOTE_CHARS = 10_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a real calendar date');

// The same rule as every import (lib/text/web-address.ts).
const httpUrl = z.string().refine(isWebAddress, WEB_ADDRESS_RULE);

const optionalText = (max: number) => z.string().max(max).optional();

// "14:05", "17:05+03:00": stored in one form with its offset (no offset = UTC); '' or null clears it.
const publishedTime = z
  .string()
  .transform((value, context) => {
    if (value.trim() === '') return '';
    const time = clockTime(value);
    if (time === undefined) {
      context.addIssue({ code: 'custom', message: 'use the form HH:MM, optionally with an offset such as +03:00 (no offset means UTC)' });
      return z.NEVER;
    }
    return time;
  })
  .nullable()
  .optional();

export const createArticleBody = z.strictObject({
  text: z.string().max(MAX_ARTICLE_CHARS, `the article is longer than ${MAX_ARTICLE_CHARS} characters`),
  title: optionalText(500),
  source: optionalText(200),
  url: z.union([httpUrl, z.literal('')]).nullable().optional(),
  publishedOn: z.union([isoDate, z.literal('')]).nullable().optional(),
  publishedTime: publishedTime,
  ifUrlExists: z.enum(IF_URL_EXISTS, { error: `ifUrlExists must be one of ${IF_URL_EXISTS.join(', ')}` }).optional(),
});

export const updateArticleBody = z.strictObject({
  title: optionalText(500),
  source: optionalText(200),
  url: z.union([httpUrl, z.literal('')]).nullable().optional(),
  publishedOn: z.union([isoDate, z.literal('')]).nullable().optional(),
  publishedTime: publishedTime,
});

const label = z.enum(LABELS, { error: `label must be one of ${LABELS.join(', ')}` });
const offset = z.int('must be a whole number').nonnegative('must not be negative');

export const createAnnotationBody = z.strictObject({
  label,
  start: offset,
  end: offset,
  quote: z.string().min(1, 'must not be empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  note: optionalText(MAX_NOTE_CHARS),
  /** Which layer to add to: the viewer's own when absent; admins may name the gold layer. */
  layerId: z.int('must be a whole number').positive('must be a positive id').optional(),
});

/** `?layer=REVIEWER_ID`: which visible layer of an article to list (the viewer's own by default). */
export const layerQuery = z.strictObject({ layer: z.coerce.number().int().positive('layer ids are positive whole numbers').optional() });

const id = z.int('must be a whole number').positive('must be a positive id');
const figureValue = z.number('must be a number').finite('must be a finite number').nonnegative('must not be negative').nullable();
const shortText = z.string().max(500).nullable();

export const figurePatch = z.strictObject({
  min: figureValue.optional(),
  max: figureValue.optional(),
  qualifier: z.enum(FIGURE_QUALIFIERS, { error: `qualifier must be one of ${FIGURE_QUALIFIERS.join(', ')}` }).optional(),
  vague: z.boolean().optional(),
  category: z.string().min(1).max(100).optional(),
  counted: shortText.optional(),
  place: shortText.optional(),
  time: shortText.optional(),
  sourceActorId: id.nullable().optional(),
  sourceText: shortText.optional(),
});

export const claimPatch = z.strictObject({
  status: z.enum(CLAIM_STATUSES, { error: `status must be one of ${CLAIM_STATUSES.join(', ')}` }).optional(),
  claimantActorId: id.nullable().optional(),
});

export const updateAnnotationBody = z.strictObject({
  label: label.optional(),
  note: optionalText(MAX_NOTE_CHARS),
  actorId: id.optional(),
  figure: figurePatch.optional(),
  claim: claimPatch.optional(),
  version: z.int().positive().optional(),
});

const actorKind = z.enum(ACTOR_KINDS, { error: `kind must be one of ${ACTOR_KINDS.join(', ')}` });
const aliases = z.array(z.string().max(200)).max(100);

export const createActorBody = z.strictObject({
  canonicalName: z.string().min(1).max(200),
  kind: actorKind.optional(),
  aliases: aliases.optional(),
});

export const updateActorBody = z.strictObject({
  canonicalName: z.string().max(200).optional(),
  kind: actorKind.optional(),
  aliases: aliases.optional(),
  version: z.int().positive().optional(),
});

export const categoryBody = z.strictObject({ name: z.string().min(1, 'must not be empty').max(100) });

const eventName = z.string().max(300).nullable().optional();

export const createComparisonBody = z.strictObject({
  title: z.string().max(300),
  annotationIds: z.array(id).max(100),
  eventName,
});

export const updateComparisonBody = z.strictObject({
  title: z.string().max(300).optional(),
  status: z.enum(COMPARISON_STATUSES, { error: `status must be one of ${COMPARISON_STATUSES.join(', ')}` }).optional(),
  resolutionNote: z.string().max(MAX_NOTE_CHARS).optional(),
  eventName,
  version: z.int().positive().optional(),
});

export const comparisonMemberBody = z.strictObject({ annotationId: id, version: z.int().positive().optional() });

export const dismissSuggestionBody = z.strictObject({ annotationIds: z.array(id).max(100) });

export const suggestionsQuery = z.strictObject({
  articleId: z.coerce.number().int().positive().optional(),
  /** Which layer's figures to compare: the viewer's own by default. */
  layer: z.coerce.number().int().positive('layer ids are positive whole numbers').optional(),
});

/** `GET /api/conflicts`: one layer's page of proposed groups (see db/conflicts.ts). */
export const conflictsQuery = z.strictObject({
  layer: z.coerce.number().int().positive('layer ids are positive whole numbers').optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  windowDays: z.coerce.number().int().min(0).max(30).optional(),
});

/** `?wait=reading`: answer once a figure's or claim's pending reading is stored. Other parameters are ignored, as before. */
export const annotationGetQuery = z.object({ wait: z.enum(['reading']).optional() });

export const versionQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional(),
});

export const exportQuery = z.strictObject({
  format: z.string('choose a format with ?format=NAME').min(1),
  layer: z.string().min(1).max(64).optional(),
  article: z.array(z.coerce.number().int().positive('article ids are positive whole numbers')),
});

export const sharingBody = z.strictObject({ sharing: z.enum(ARTICLE_SHARING) });
export const progressBody = z.strictObject({ status: z.enum(['in_progress', 'done']) });
export const assignmentBody = z.strictObject({ reviewerId: id });

const password = z.string().min(1, 'must not be empty').max(256);
export const createReviewerBody = z.strictObject({
  username: z.string().min(1).max(30),
  displayName: z.string().max(100).default(''),
  password,
  role: z.enum(ROLES).default('reviewer'),
});
export const updateReviewerBody = z
  .strictObject({ disabled: z.boolean().optional(), password: password.optional() })
  .refine((body) => body.disabled !== undefined || body.password !== undefined, 'send disabled or password');
export const createTokenBody = z.strictObject({ name: z.string().trim().min(1, 'give the token a name').max(100) });

const incidentDate = isoDate.nullable().optional();
const incidentPlace = z.string().max(300).nullable().optional();

export const createIncidentBody = z.strictObject({
  name: z.string().trim().min(1, 'give the incident a name').max(300),
  startsOn: incidentDate,
  endsOn: incidentDate,
  place: incidentPlace,
});

export const updateIncidentBody = z.strictObject({
  name: z.string().max(300).optional(),
  startsOn: incidentDate,
  endsOn: incidentDate,
  place: incidentPlace,
  version: z.int().positive().optional(),
});

export const incidentFigureBody = z.strictObject({ annotationId: id });

export const incidentExportQuery = z.strictObject({
  format: z.enum(['csv', 'json'], { error: 'format must be csv or json' }),
  layer: z.coerce.number().int().positive('layer ids are positive whole numbers').optional(),
});

/** `GET /api/articles` and the library page: which page, in which order, filtered how (lib/library/query.ts). */
export const libraryQueryParams = z.strictObject({
  page: z.coerce.number().int('page is a whole number').positive('pages start at 1').optional(),
  pageSize: z.coerce
    .number()
    .int('pageSize is a whole number')
    .positive('pageSize must be at least 1')
    .max(LIBRARY_MAX_PAGE_SIZE, `pageSize is at most ${LIBRARY_MAX_PAGE_SIZE}`)
    .optional(),
  sort: z.enum(LIBRARY_SORTS, { error: `sort must be one of ${LIBRARY_SORTS.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).optional(),
  source: z.string().max(200).optional(),
  from: z.union([isoDate, z.literal('')]).optional(),
  to: z.union([isoDate, z.literal('')]).optional(),
  progress: z.union([z.enum(PROGRESS_STATUSES, { error: `progress must be one of ${PROGRESS_STATUSES.join(', ')}` }), z.literal('')]).optional(),
  q: z.string().max(500).optional(),
});
