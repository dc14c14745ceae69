import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { CodePointIndex } from '../anchoring/codepoints';
import {
  EMOJI_ARTICLE_TEXT,
  EMOJI_IDS,
  FIXTURE_ARTICLES,
  FIXTURE_CONTEXT,
  SAMPLE_CLAIM_NOTE,
  SAMPLE_FIGURE_KILLED,
  SAMPLE_IDS,
  emojiArticle,
  sampleArticle,
} from './fixtures.test-helper';
import { collect, streamOf } from './streams.test-helper';
import type { ExportArticle } from './types';
import { describeFigure, w3cAnnotationsOf, w3cFormat, type W3cAnnotation } from './w3c';

async function exportLines(articles: Iterable<ExportArticle>, baseUrl = FIXTURE_CONTEXT.baseUrl): Promise<string[]> {
  let out = '';
  for await (const chunk of w3cFormat.write(streamOf(articles), { ...FIXTURE_CONTEXT, baseUrl })) {
    expect(typeof chunk).toBe('string');
    out += chunk as string;
  }
  expect(out.endsWith('\n')).toBe(true);
  return out.slice(0, -1).split('\n');
}

async function exported(articles: Iterable<ExportArticle> = FIXTURE_ARTICLES): Promise<W3cAnnotation[]> {
  return (await exportLines(articles)).map((line) => JSON.parse(line) as W3cAnnotation);
}

function byId(annotations: W3cAnnotation[], id: number): W3cAnnotation {
  const found = annotations.find((a) => a.id === `${FIXTURE_CONTEXT.baseUrl}/api/annotations/${id}`);
  if (!found) throw new Error(`annotation ${id} was not exported`);
  return found;
}

function articleOf(annotation: W3cAnnotation): ExportArticle {
  const article = FIXTURE_ARTICLES.find((a) => annotation.target.source.endsWith(`/articles/${a.id}`));
  if (!article) throw new Error(`no article for ${annotation.target.source}`);
  return article;
}

describe('w3cFormat', () => {
  it('describes itself as JSON Lines', () => {
    expect(w3cFormat.name).toBe('w3c');
    expect(w3cFormat.extension).toBe('jsonl');
    expect(w3cFormat.contentType).toBe('application/x-ndjson; charset=utf-8');
  });

  it('writes one annotation per line, in article then annotation order', async () => {
    const annotations = await exported();
    const expectedIds = FIXTURE_ARTICLES.flatMap((a) => a.annotations.map((x) => `${FIXTURE_CONTEXT.baseUrl}/api/annotations/${x.id}`));
    expect(annotations.map((a) => a.id)).toEqual(expectedIds);
  });

  it('writes the annotation frame: context, agents, dates and target source', async () => {
    const claim = byId(await exported(), SAMPLE_IDS.claim);
    const stored = sampleArticle.annotations.find((a) => a.id === SAMPLE_IDS.claim)!;
    expect(claim['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(claim.type).toBe('Annotation');
    expect(claim.motivation).toBe('tagging');
    expect(claim.created).toBe(stored.createdAt);
    expect(claim.modified).toBe(stored.updatedAt);
    expect(claim.generated).toBe(FIXTURE_CONTEXT.exportedAt);
    expect(claim.creator).toEqual({
      id: 'http://localhost:3000/reviewers/amira',
      type: 'Person',
      name: 'Amira Haddad',
      nickname: 'amira',
    });
    expect(claim.generator).toMatchObject({ type: 'Software', name: 'Crosscheck' });
    expect(claim.target.source).toBe('http://localhost:3000/articles/1');
  });

  it('does not double the slash when the base URL ends with one', async () => {
    const [line] = await exportLines([sampleArticle], 'https://crosscheck.example/');
    const annotation = JSON.parse(line!) as W3cAnnotation;
    expect(annotation.id).toBe(`https://crosscheck.example/api/annotations/${SAMPLE_IDS.claim}`);
    expect(annotation.target.source).toBe('https://crosscheck.example/articles/1');
  });

  it('tags with the label and carries the note, claim status and claimant', async () => {
    const claim = byId(await exported(), SAMPLE_IDS.claim);
    expect(claim.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      { type: 'TextualBody', purpose: 'assessing', value: 'disputed', format: 'text/plain' },
      {
        type: 'TextualBody',
        purpose: 'describing',
        format: 'application/json',
        // The whole claim, with when its verdict was given.
        value: JSON.stringify({
          status: 'disputed',
          claimant: sampleArticle.annotations.find((a) => a.id === SAMPLE_IDS.claim)!.claim!.claimant,
          ratedAt: '2024-01-11T14:00:00.000Z',
        }),
      },
      { type: 'TextualBody', purpose: 'describing', value: 'claimant: Kataib Hezbollah', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: SAMPLE_CLAIM_NOTE, format: 'text/plain' },
    ]);
  });

  it('carries figure details as JSON and as a sentence', async () => {
    const figure = byId(await exported(), SAMPLE_IDS.figureKilled);
    const describing = figure.body.filter((b) => b.purpose === 'describing');
    expect(JSON.parse(describing.find((b) => b.format === 'application/json')!.value)).toEqual(SAMPLE_FIGURE_KILLED);
    expect(describing.find((b) => b.format === 'text/plain')!.value).toBe(
      '5 killed (fighters), place: Jurf Al Sakhar, source: Kataib Hezbollah',
    );
    // No note on this figure, so no commenting body.
    expect(figure.body.some((b) => b.purpose === 'commenting')).toBe(false);
  });

  it('names the actor of an actor span', async () => {
    const actor = byId(await exported(), SAMPLE_IDS.actor);
    expect(actor.body.slice(0, 2)).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      { type: 'TextualBody', purpose: 'identifying', value: 'Kataib Hezbollah', format: 'text/plain' },
    ]);
  });

  it('uses only purposes the model defines', async () => {
    // The MUST schemas accept any purpose (a known one is only a SHOULD), so check here.
    const motivations = new Set([
      'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
      'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
    ]);
    for (const annotation of await exported()) {
      expect(motivations.has(annotation.motivation)).toBe(true);
      for (const body of annotation.body) expect(motivations.has(body.purpose), body.purpose).toBe(true);
    }
  });

  it('reads figure values with their qualifier, and figures without a number', () => {
    expect(describeFigure({ ...SAMPLE_FIGURE_KILLED, qualifier: 'at_least', place: null })).toBe(
      'at least 5 killed (fighters), source: Kataib Hezbollah',
    );
    expect(
      describeFigure({ ...SAMPLE_FIGURE_KILLED, min: null, max: null, qualifier: 'vague', vague: true, source: null, sourceText: 'officials', place: null, counted: null }),
    ).toBe('unquantified killed, source: officials');
  });

  it('quotes exactly the text between the position selector offsets', async () => {
    for (const annotation of await exported()) {
      const article = articleOf(annotation);
      const [quote, position] = annotation.target.selector;
      const index = new CodePointIndex(article.text);
      const start = index.toUtf16(position.start);
      const end = index.toUtf16(position.end);
      expect(quote.exact).toBe(article.text.slice(start, end));
      expect(article.text.slice(start - quote.prefix.length, start)).toBe(quote.prefix);
      expect(article.text.slice(end, end + quote.suffix.length)).toBe(quote.suffix);
      const stored = article.annotations.find((a) => annotation.id.endsWith(`/${a.id}`))!;
      expect(quote.exact).toBe(article.text.slice(stored.start, stored.end));
    }
  });

  it('counts code points: after the emoji, positions are two less than UTF-16 offsets', async () => {
    // 👍🏽 is two astral code points, four UTF-16 units.
    const extra = '👍🏽'.length - [...'👍🏽'].length;
    expect(extra).toBe(2);
    const figure = byId(await exported([emojiArticle]), EMOJI_IDS.figure);
    const utf16Start = EMOJI_ARTICLE_TEXT.indexOf('five');
    const [quote, position] = figure.target.selector;
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: utf16Start - extra,
      end: utf16Start + 'five\nfighters were killed'.length - extra,
    });
    expect(quote.exact).toBe('five\nfighters were killed');
    expect(quote.prefix).toBe('👍🏽 Casualties: ');
  });

  it('looks at one article at a time', async () => {
    async function* articles(): AsyncGenerator<ExportArticle> {
      yield sampleArticle;
      throw new Error('the second article was read before the first was written');
    }
    const iterator = w3cFormat.write(articles(), FIXTURE_CONTEXT)[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(JSON.parse(first.value as string)).toEqual([...w3cAnnotationsOf(sampleArticle, FIXTURE_CONTEXT)][0]);
  });

  it('writes nothing for no articles', async () => {
    expect(await collect(w3cFormat.write(streamOf([]), FIXTURE_CONTEXT))).toEqual([]);
  });
});

// The W3C web-annotation-tests JSON Schemas; see the README in that folder.
const SCHEMAS = path.resolve(__dirname, '../../../shared/w3c-schemas');
const haveSchemas = existsSync(path.join(SCHEMAS, 'annotations', 'annotationMusts.test'));
const describeSchemas = haveSchemas ? describe : describe.skip;
const schemaBlock = haveSchemas
  ? 'W3C annotation test suite: every MUST assertion'
  : `W3C schemas not found at ${SCHEMAS}; schema check skipped`;

interface Assertion {
  file: string;
  expectValid: boolean;
  validate: ValidateFunction;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function loadMustAssertions(): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = path.join(SCHEMAS, 'definitions');
  for (const name of readdirSync(definitions).filter((n) => n.endsWith('.json'))) {
    const schema = readJson(path.join(definitions, name));
    ajv.addSchema(schema, schema.id as string);
  }
  const suite = readJson(path.join(SCHEMAS, 'annotations', 'annotationMusts.test'));
  const files = suite.assertions as unknown[];
  return files.map((file) => {
    if (typeof file !== 'string') throw new Error(`unexpected assertion entry ${JSON.stringify(file)}`);
    const schema = readJson(path.join(SCHEMAS, file));
    // Assertion ids are bare file names; two folders could share one, so look up first.
    const validate = ajv.getSchema(schema.id as string) ?? ajv.compile(schema);
    return { file, expectValid: (schema.expectedResult ?? 'valid') === 'valid', validate };
  });
}

function failedAssertions(assertions: Assertion[], annotation: unknown): string[] {
  return assertions
    .filter((a) => a.validate(annotation) !== a.expectValid)
    .map((a) => `${a.file}: ${JSON.stringify(a.validate.errors?.slice(0, 3) ?? [])}`);
}

describeSchemas(schemaBlock, () => {
  let assertions: Assertion[] = [];
  beforeAll(() => {
    assertions = loadMustAssertions();
  });

  it('loads the whole MUST list', () => {
    expect(assertions.length).toBeGreaterThanOrEqual(50);
  });

  it('passes every MUST assertion for every fixture annotation', async () => {
    const annotations = await exported();
    expect(annotations.length).toBe(FIXTURE_ARTICLES.reduce((n, a) => n + a.annotations.length, 0));
    for (const annotation of annotations) {
      expect(failedAssertions(assertions, annotation), annotation.id).toEqual([]);
    }
  });

  it('rejects an annotation without a target (the validator really runs)', async () => {
    const { target: _target, ...withoutTarget } = byId(await exported(), SAMPLE_IDS.figureKilled);
    expect(failedAssertions(assertions, withoutTarget).length).toBeGreaterThan(0);
  });

  it('rejects a position selector with a negative offset', async () => {
    const annotation = byId(await exported(), SAMPLE_IDS.actor);
    const [quote, position] = annotation.target.selector;
    const broken = { ...annotation, target: { ...annotation.target, selector: [quote, { ...position, start: -1 }] } };
    expect(failedAssertions(assertions, broken).length).toBeGreaterThan(0);
  });
});
