import { z } from 'zod';
import { LABELS } from '@/lib/labels';

const MAX_ARTICLE_CHARS = 5_000_000;
const MAX_NOTE_CHARS = 10_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a real calendar date');

const httpUrl = z.url({ protocol: /^https?$/, error: 'use a full http:// or https:// address' });

const optionalText = (max: number) => z.string().max(max).optional();

export const createArticleBody = z.strictObject({
  text: z.string().max(MAX_ARTICLE_CHARS, `the article is longer than ${MAX_ARTICLE_CHARS} characters`),
  title: optionalText(500),
  source: optionalText(200),
  url: z.union([httpUrl, z.literal('')]).nullable().optional(),
  publishedOn: z.union([isoDate, z.literal('')]).nullable().optional(),
});

export const updateArticleBody = z.strictObject({
  title: optionalText(500),
  source: optionalText(200),
  url: z.union([httpUrl, z.literal('')]).nullable().optional(),
  publishedOn: z.union([isoDate, z.literal('')]).nullable().optional(),
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
});

export const updateAnnotationBody = z.strictObject({
  label: label.optional(),
  note: optionalText(MAX_NOTE_CHARS),
  version: z.int().positive().optional(),
});

export const versionQuery = z.strictObject({
  version: z.coerce.number().int().positive().optional(),
});
