import { describe, it, expect } from 'vitest';
import { isAppError } from '../errors';
import { readAttribution, readFigure } from './read-figure';
import type { FigureReading, TextRef } from './types';

// Sentences of the sample article (samples/us-strikes-iraq-2023-11-22.txt), as stored.
const S1 =
  'At least five Shiite militiamen were killed in US air strikes in Iraq early on Wednesday, a Iran-backed militia group said.';
const S2 =
  'In a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar.';
const S3 = 'Other militia groups said on their social media channels that five fighters were wounded.';
const S4 =
  'US aircraft struck two Kataib Hezbollah operations centres in Jurf Al Sakhar, south of Baghdad, and in Anbar province west of Baghdad, two Iraqi security officials told The National.';
const S5 =
  '“The US Central Command forces conducted discrete, precision strikes against two facilities in Iraq, it said in a statement on X, previously Twitter.';
const S6 =
  'Late on Monday, US forces were attacked at an airbase west of Baghdad and a US military AC-130 aircraft responded a few hours later, killing one Iran-backed militant linked to Kataib Hezbollah.';
const S7 =
  'Thousands of Sunnis who fled the town have been unable to return because it is under the control of Iran-backed Shiite militias, including Kataib Hezbollah.';
const S8 =
  'It came under the control of the insurgents in June 2014, but they were driven out a few months later by security forces in an extremely destructive battle.';
const S9 = 'One of these attacks was on November 21 “which involved use of close-range ballistic missiles”, it said.';

const ARTICLE = [
  'Live updates: Follow the latest news on Israel-Gaza',
  S1,
  S5,
  S9,
  `${S4} There were casualties, they confirmed, but said further details were yet to emerge.`,
  `${S2} ${S3}`,
  S6,
  S8,
  `${S7} Human rights groups have condemned what they say is a collective punishment of civilians permanently expelled from the town.`,
].join('\n\n');

/** The span of the `occurrence`-th `phrase` in `text`. */
function spanOf(text: string, phrase: string, occurrence = 1): { start: number; end: number } {
  let start = -1;
  for (let n = 0; n < occurrence; n++) {
    start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`fixture does not contain ${JSON.stringify(phrase)} ${occurrence} times`);
  }
  return { start, end: start + phrase.length };
}

function expectExact(text: string, ref: TextRef | null): void {
  if (ref) expect(text.slice(ref.start, ref.end)).toBe(ref.text);
}

/** Reads the figure at `phrase` and checks every returned offset against the text. */
function read(text: string, phrase: string, options?: { categories?: readonly string[] }): FigureReading {
  const reading = readFigure(text, spanOf(text, phrase), options);
  expectExact(text, reading.place);
  expectExact(text, reading.time);
  expectExact(text, reading.source);
  return reading;
}

function refText(ref: TextRef | null): string | null {
  return ref?.text ?? null;
}

describe('readFigure on the sample article', () => {
  it('1: "At least five Shiite militiamen"', () => {
    const r = read(ARTICLE, 'At least five Shiite militiamen');
    expect(r).toMatchObject({
      min: 5,
      max: null,
      qualifier: 'at_least',
      vague: false,
      numberText: 'At least five',
      category: 'killed',
      counted: 'Shiite militiamen',
    });
    expect(refText(r.place)).toBe('Iraq');
    // The lead-in is kept: "early" says when on Wednesday.
    expect(refText(r.time)).toBe('early on Wednesday');
    expect(refText(r.source)).toBe('a Iran-backed militia group');
  });

  it('2: "five of its fighters were killed"', () => {
    const r = read(ARTICLE, 'five of its fighters were killed');
    expect(r).toMatchObject({ min: 5, max: 5, qualifier: 'exact', numberText: 'five', category: 'killed' });
    // The owner "its" is dropped: on its own it says nothing.
    expect(r.counted).toBe('fighters');
    expect(refText(r.place)).toBe('Jurf Al Sakhar');
    expect(refText(r.source)).toBe('Kataib Hezbollah');
    expect(r.time).toBeNull();
  });

  it('3: "five fighters were wounded"', () => {
    const r = read(ARTICLE, 'five fighters were wounded');
    expect(r).toMatchObject({ min: 5, max: 5, qualifier: 'exact', category: 'wounded', counted: 'fighters' });
    expect(refText(r.source)).toBe('Other militia groups');
    expect(r.place).toBeNull();
  });

  it('4: "two Kataib Hezbollah operations centres"', () => {
    const r = read(ARTICLE, 'two Kataib Hezbollah operations centres');
    expect(r).toMatchObject({
      min: 2,
      max: 2,
      qualifier: 'exact',
      category: 'strikes',
      counted: 'Kataib Hezbollah operations centres',
    });
    expect(refText(r.source)).toBe('two Iraqi security officials');
    // Of the two places, the one closest to the number.
    expect(refText(r.place)).toBe('Jurf Al Sakhar');
  });

  it('5: "two facilities … it said": the pronoun is the US Central Command its sentence names, inferred', () => {
    const r = read(ARTICLE, 'two facilities');
    expect(r).toMatchObject({ min: 2, max: 2, qualifier: 'exact', category: 'strikes', counted: 'facilities' });
    expect(refText(r.place)).toBe('Iraq');
    expect(refText(r.source)).toBe('US Central Command');
    expect(r.sourceInferred).toBe(true);
  });

  it('6: "one Iran-backed militant", past an AC-130 that is no count', () => {
    const r = read(ARTICLE, 'one Iran-backed militant');
    expect(r).toMatchObject({ min: 1, max: 1, qualifier: 'exact', category: 'killed', counted: 'Iran-backed militant' });
    expect(refText(r.time)).toBe('Late on Monday');
    expect(r.source).toBeNull();
  });

  it('7: "Thousands of Sunnis" is vague, at least 2000, displaced', () => {
    const r = read(ARTICLE, 'Thousands of Sunnis');
    expect(r).toMatchObject({
      min: 2000,
      max: null,
      qualifier: 'vague',
      vague: true,
      numberText: 'Thousands',
      category: 'displaced',
      counted: 'Sunnis',
    });
  });

  it('8: "2014" is a year, not a count, and borrows no other number', () => {
    const text = ARTICLE;
    const start = text.indexOf('June 2014') + 'June '.length;
    const r = readFigure(text, { start, end: start + 4 });
    // "a few months later" in the same sentence is not taken instead.
    expect(r).toMatchObject({
      min: null,
      max: null,
      qualifier: 'exact',
      vague: false,
      numberText: null,
      category: 'other',
      counted: null,
    });
    expect(refText(r.time)).toBe('in June 2014');
  });

  it('9: "One of these attacks" counts one attack, dated by the sentence', () => {
    const r = read(ARTICLE, 'One of these attacks');
    expect(r).toMatchObject({ min: 1, max: 1, numberText: 'One', counted: 'attacks', category: 'other' });
    expect(refText(r.time)).toBe('on November 21');
    // "it said" here is the "it said" of the sentence before, which stands for US Central Command.
    expect(refText(r.source)).toBe('US Central Command');
    expect(r.sourceInferred).toBe(true);
  });

  it('reads the figure the same with an emoji before it, offsets still exact', () => {
    const text = `👍🏽 ${S1}`;
    expect(text.indexOf('At least')).toBe(5);
    const r = read(text, 'At least five Shiite militiamen');
    expect(r).toMatchObject({ min: 5, qualifier: 'at_least', category: 'killed', counted: 'Shiite militiamen' });
    expect(r.place).toEqual({ text: 'Iraq', start: 5 + S1.indexOf('Iraq'), end: 5 + S1.indexOf('Iraq') + 4 });
    expect(r.time?.start).toBe(5 + S1.indexOf('early on Wednesday'));
    expect(r.source?.text).toBe('a Iran-backed militia group');
  });

  it('keeps offsets exact with emoji earlier in the article and inside the sentence', () => {
    const text = `🇮🇶 Breaking 👍🏽👍🏽\n\n${S4.replace('struck', 'struck 💥')}`;
    const r = read(text, 'two Kataib Hezbollah operations centres');
    expect(r.min).toBe(2);
    expect(refText(r.place)).toBe('Jurf Al Sakhar');
    expect(refText(r.source)).toBe('two Iraqi security officials');
  });
});

describe('readFigure: value', () => {
  it('takes a qualifier just outside the span into account', () => {
    const r = read(S1, 'five Shiite militiamen');
    expect(r).toMatchObject({ min: 5, qualifier: 'at_least', numberText: 'At least five' });
  });

  it('falls back to the nearest count in the sentence when the span has no number', () => {
    const r = read(S2, 'fighters');
    expect(r).toMatchObject({ min: 5, max: 5, numberText: 'five', counted: 'fighters', category: 'killed' });
  });

  it('skips durations when falling back ("a few hours later")', () => {
    const r = read(S6, 'Iran-backed militant');
    expect(r).toMatchObject({ min: 1, numberText: 'one' });
  });

  it('has no value when neither the span nor its sentence states a count', () => {
    const r = read(ARTICLE, 'There were casualties');
    expect(r).toMatchObject({ min: null, max: null, numberText: null, category: 'other', counted: null });
  });

  it('reads ranges and their lead-in', () => {
    const text = 'Between 3 and 5 people were injured in Mosul on Tuesday night.';
    const r = read(text, '3 and 5');
    expect(r).toMatchObject({ min: 3, max: 5, qualifier: 'range', numberText: 'Between 3 and 5', category: 'injured' });
    expect(r.counted).toBe('people');
    expect(refText(r.place)).toBe('Mosul');
    expect(refText(r.time)).toBe('on Tuesday night');
  });

  it('reads the number in a span that holds another sentence number too', () => {
    const r = read('At least 5 killed, 12 wounded in Kirkuk blast', '12 wounded');
    expect(r).toMatchObject({ min: 12, max: 12, category: 'wounded' });
  });
});

describe('readFigure: category', () => {
  it('returns only categories offered', () => {
    expect(read(S1, 'At least five', { categories: ['wounded', 'other'] }).category).toBe('other');
    expect(read(S1, 'At least five', { categories: ['strikes', 'other'] }).category).toBe('strikes');
  });

  it('matches a category of the reviewer’s own by its name', () => {
    const text = 'Hamas said on Wednesday, November 22, 2023, that 50 hostages would be freed.';
    const r = read(text, '50 hostages', { categories: ['killed', 'hostages', 'other'] });
    expect(r.category).toBe('hostages');
    expect(refText(r.time)).toBe('on Wednesday, November 22, 2023');
    expect(refText(r.source)).toBe('Hamas');
  });

  it.each([
    ['Police arrested 25 protesters.', '25', 'detained'],
    ['Twelve people are missing.', 'Twelve', 'missing'],
    ['Some 300 families fled the village.', '300', 'displaced'],
    ['The blast hurt 9 children.', '9', 'injured'],
    ['Officials reported 14 deaths.', '14', 'killed'],
  ])('%j → %s', (text, phrase, category) => {
    expect(read(text, phrase).category).toBe(category);
  });
});

describe('readFigure: counted, place, time and source', () => {
  it('reads "according to X"', () => {
    const text = 'According to the UN, about 1.7 million people have been displaced in Gaza since October 7.';
    const r = read(text, '1.7 million');
    expect(r).toMatchObject({ min: 1_700_000, qualifier: 'about', category: 'displaced', counted: 'people' });
    expect(refText(r.source)).toBe('the UN');
    expect(refText(r.place)).toBe('Gaza');
    expect(refText(r.time)).toBe('since October 7');
  });

  it('reads a source named after "said"', () => {
    const r = read('“We lost 12 fighters,” said Ahmed Ali, a spokesman for the group.', '12 fighters');
    expect(refText(r.source)).toBe('Ahmed Ali');
  });

  it('reads the sentence-final ", X said." form with "has"', () => {
    const text = 'Police detained up to 300 protesters in Basra, the interior ministry has said.';
    const r = read(text, '300');
    expect(r).toMatchObject({ max: 300, qualifier: 'at_most', category: 'detained', counted: 'protesters' });
    expect(refText(r.source)).toBe('the interior ministry');
    expect(refText(r.place)).toBe('Basra');
  });

  it('keeps "of" inside a source\'s name', () => {
    const text = 'The head of the UN agency said 101 staff members had been killed.';
    expect(refText(read(text, '101').source)).toBe('The head of the UN agency');
  });

  it('returns null for a pronoun source', () => {
    expect(read('They confirmed five people died.', 'five').source).toBeNull();
  });

  it('does not take a capitalised modifier for a place ("in US air strikes")', () => {
    const text = 'Five people were killed in US air strikes.';
    expect(read(text, 'Five').place).toBeNull();
  });

  it('reads place names with a common-noun head or a direction', () => {
    expect(refText(read(S4, 'two Iraqi security officials').place)).toBe('Anbar province');
    expect(refText(read('Five people died in northern Iraq.', 'Five').place)).toBe('northern Iraq');
    expect(refText(read('Dozens are missing near Jabalia refugee camp.', 'Dozens').place)).toBe('Jabalia refugee camp');
  });

  it('reads dates written day first and ISO dates', () => {
    expect(refText(read('Hamas said 1,200 people had been detained since 7 October.', '1,200').time)).toBe(
      'since 7 October',
    );
    expect(refText(read('On 2023-11-22 two strikes hit Iraq.', 'two').time)).toBe('On 2023-11-22');
  });

  it('prefers the time of the events over the time of the statement', () => {
    const text =
      'US officials said on Tuesday that at least 66 attacks had targeted US forces in Iraq and Syria since October 17.';
    const r = read(text, '66 attacks');
    expect(refText(r.time)).toBe('since October 17');
    // "US" is the country, not the pronoun "us".
    expect(refText(r.source)).toBe('US officials');
    expect(r).toMatchObject({ min: 66, qualifier: 'at_least', counted: 'attacks', category: 'strikes' });
  });

  it('falls back to the time of the statement when it is the only one', () => {
    const text = 'Some 2,000 people remain missing, the Red Crescent reported on Friday.';
    const r = read(text, '2,000');
    expect(r).toMatchObject({ min: 2000, qualifier: 'about', category: 'missing', numberText: 'Some 2,000' });
    expect(refText(r.time)).toBe('on Friday');
    expect(refText(r.source)).toBe('the Red Crescent');
  });

  it('keeps an acronym inside the counted phrase', () => {
    const text = 'The Pentagon has said that 62 US personnel were injured in the attacks.';
    expect(read(text, '62').counted).toBe('US personnel');
  });

  it('has no counted noun when a verb follows the number', () => {
    expect(read('Officials said 21 were killed.', '21').counted).toBeNull();
  });
});

describe('readFigure: input and scale', () => {
  it('reads only the sentence around the span of a 1.2 MB article', () => {
    let text = '';
    while (text.length < 1_200_000) text += `${ARTICLE}\n\n`;
    const span = { start: text.lastIndexOf('five fighters were wounded'), end: 0 };
    span.end = span.start + 'five fighters were wounded'.length;
    const r = readFigure(text, span);
    expect(r).toMatchObject({ min: 5, category: 'wounded', counted: 'fighters' });
    expect(r.source).toMatchObject({ text: 'Other militia groups' });
    expectExact(text, r.source);
  });

  it('reads a figure inside a sentence longer than the reading window', () => {
    const text = `${'word '.repeat(2000)}five fighters were wounded ${'word '.repeat(2000)}.`;
    const r = read(text, 'five fighters were wounded');
    expect(r).toMatchObject({ min: 5, counted: 'fighters' });
  });

  it.each([
    ['negative start', { start: -1, end: 3 }, 'figure_span_out_of_range'],
    ['end past the text', { start: 0, end: S1.length + 1 }, 'figure_span_out_of_range'],
    ['start after end', { start: 5, end: 2 }, 'figure_span_out_of_range'],
    ['fractional offset', { start: 1.5, end: 3 }, 'figure_span_out_of_range'],
  ])('rejects a span with %s', (_name, span, code) => {
    let caught: unknown;
    try {
      readFigure(S1, span);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    expect(caught).toMatchObject({ code, status: 422 });
  });

  it('proposes nothing for a span too long to be a figure, so the tag is still kept', () => {
    const text = 'five '.repeat(1000);
    expect(readFigure(text, { start: 0, end: text.length })).toEqual({
      min: null,
      max: null,
      qualifier: 'exact',
      vague: false,
      numberText: null,
      category: 'other',
      counted: null,
      place: null,
      time: null,
      source: null,
      sourceInferred: false,
    });
  });
});

describe('readAttribution', () => {
  it('finds who a claim in the sample is attributed to', () => {
    const text =
      'In a statement posted on social media, Kataib Hezbollah said five of its fighters were killed in Jurf Al Sakhar. Other militia groups said on their social media channels that five fighters were wounded.';
    const claim = 'five of its fighters were killed in Jurf Al Sakhar';
    const start = text.indexOf(claim);
    const source = readAttribution(text, { start, end: start + claim.length });
    expect(source?.text).toBe('Kataib Hezbollah');
    expect(text.slice(source!.start, source!.end)).toBe('Kataib Hezbollah');
    const other = text.indexOf('five fighters were wounded');
    expect(readAttribution(text, { start: other, end: other + 26 })?.text).toBe('Other militia groups');
  });

  it('gives null for a bare pronoun attribution', () => {
    const text = '“The strikes were in direct response to the attacks,” it added.';
    expect(readAttribution(text, { start: 1, end: 12 })).toBeNull();
  });
});

// Issue 9, point 8: readings found wrong in the sample and in real news articles.
describe('readFigure: what issue 9 found read wrong', () => {
  it('"a few hours later" is a duration: no value, no category, not a count of killed', () => {
    const r = read(S6, 'a few hours later');
    expect(r).toMatchObject({ min: null, max: null, vague: false, numberText: null, category: 'other', counted: null });
    // The figure in the same sentence is still read.
    expect(read(S6, 'one Iran-backed militant')).toMatchObject({ min: 1, category: 'killed' });
  });

  it('"a few months later" is a duration too', () => {
    const r = read(S8, 'a few months later');
    expect(r).toMatchObject({ min: null, max: null, vague: false, numberText: null, category: 'other', counted: null });
    expect(read(S8, 'a few months')).toMatchObject({ min: null, numberText: null, category: 'other' });
  });

  it('"two Iraqi security officials" are people who speak: a source, not a category of harm', () => {
    const r = read(S4, 'two Iraqi security officials');
    expect(r.category).not.toBe('strikes');
    expect(r.category).toBe('other');
    // The strike count in the same sentence keeps its category.
    expect(read(S4, 'two Kataib Hezbollah operations centres').category).toBe('strikes');
  });

  it('"close-range ballistic missiles" has no number, so gets no value from "One of these attacks"', () => {
    const r = read(S9, 'close-range ballistic missiles');
    expect(r).toMatchObject({ min: null, max: null, numberText: null, category: 'other', counted: null });
  });

  it('"three others wounded" is wounded, and who is counted is not "others"', () => {
    const r = read('Two people were killed and three others wounded in the attack on Tuesday.', 'three others wounded');
    expect(r).toMatchObject({ min: 3, max: 3, category: 'wounded' });
    expect(r.counted).not.toBe('others');
    // "others" are more of what the count before counts.
    expect(r.counted).toBe('people');
    // With nothing before to stand for, nobody is named.
    expect(read('Police said three others wounded were taken to hospital.', 'three others wounded').counted).toBeNull();
  });

  it('"Officials 🚑 said 12 people were killed" is sourced to "Officials", as without the emoji', () => {
    const text = 'Officials 🚑 said 12 people were killed.';
    const r = read(text, '12 people were killed');
    expect(r).toMatchObject({ min: 12, category: 'killed', counted: 'people' });
    expect(r.source).toEqual({ text: 'Officials', start: 0, end: 9 });
    expect(r.sourceInferred).toBe(false);
    expect(refText(read('Officials said 12 people were killed.', '12 people were killed').source)).toBe('Officials');
    // Emoji before the sentence and surrogate pairs elsewhere keep offsets exact.
    const shifted = `👍🏽🇮🇶 ${text}`;
    expect(read(shifted, '12 people were killed').source).toEqual({ text: 'Officials', start: 9, end: 18 });
  });

  it('"two facilities … it said" names US Central Command from the sentence before, marked inferred', () => {
    const text =
      'US Central Command said on Tuesday that its forces had hit militia sites. “The forces conducted precision strikes against two facilities in Iraq,” it said in a statement.';
    const r = read(text, 'two facilities');
    expect(r).toMatchObject({ min: 2, category: 'strikes', counted: 'facilities' });
    expect(r.source).toEqual({ text: 'US Central Command', start: 0, end: 18 });
    expect(r.sourceInferred).toBe(true);
  });

  it('a source written next to the figure is not inferred, and a pronoun with no organisation before it stays unresolved', () => {
    expect(read(S2, 'five of its fighters were killed')).toMatchObject({ sourceInferred: false });
    const alone = read('Strikes hit two facilities, it said.', 'two facilities');
    expect(alone.source).toBeNull();
    expect(alone.sourceInferred).toBe(false);
  });
});
