import { describe, it, expect } from 'vitest';
import { parsePlace, parseTime, placeRelation, placesAgree, timeRelation, timesAgree } from './where-when';

const place = (a: string, b: string) => placeRelation(parsePlace(a), parsePlace(b));
const time = (a: string, b: string) => timeRelation(parseTime(a), parseTime(b));

describe('placeRelation on the sample article', () => {
  it('puts Jurf Al Sakhar within Iraq, by the list of known places', () => {
    expect(place('Jurf Al Sakhar', 'Iraq')).toBe('within');
    expect(place('Iraq', 'Jurf Al Sakhar')).toBe('contains');
    expect(place('Jurf al-Sakhar', 'the Jurf Al Sakhar')).toBe('same');
  });

  it('keeps an airbase west of Baghdad apart from Jurf Al Sakhar, and within Iraq', () => {
    expect(place('an airbase west of Baghdad', 'Jurf Al Sakhar')).toBe('differs');
    expect(place('an airbase west of Baghdad', 'Iraq')).toBe('within');
  });

  it('does not put a place west of Baghdad inside Baghdad', () => {
    expect(place('west of Baghdad', 'Baghdad')).toBe('differs');
    expect(place('Jurf Al Sakhar, a town south of Baghdad', 'Baghdad')).toBe('differs');
    expect(place('Jurf Al Sakhar, a town south of Baghdad', 'Jurf Al Sakhar')).toBe('within');
  });

  it('keeps Anbar province apart from Jurf Al Sakhar', () => {
    expect(place('Anbar province', 'Jurf Al Sakhar')).toBe('differs');
    expect(place('Anbar province', 'Anbar')).toBe('same');
    expect(place('Akashat', 'Anbar province')).toBe('within');
  });
});

describe('placeRelation by words', () => {
  it('puts a place within one whose every word it repeats', () => {
    expect(place('northern Iraq', 'Iraq')).toBe('within');
    expect(place('a checkpoint in Town 12', 'Town 12')).toBe('within');
  });

  it('tells apart places that share only some words', () => {
    expect(place('Town 1', 'Town 12')).toBe('differs');
    expect(place('Mosul', 'Gaza')).toBe('differs');
    expect(placesAgree('Gaza City', 'Gaza')).toBe(true);
    expect(placesAgree('Rafah', 'Khan Younis')).toBe(false);
  });
});

describe('timeRelation', () => {
  it('puts a part of a day within the day', () => {
    expect(time('early on Wednesday', 'Wednesday')).toBe('within');
    expect(time('on Wednesday', 'Wed')).toBe('same');
    expect(time('22 November', 'Nov 22')).toBe('same');
  });

  it('keeps different days apart', () => {
    expect(time('Late on Monday', 'early on Wednesday')).toBe('differs');
    expect(timesAgree('late on Monday', 'Tuesday')).toBe(false);
    expect(timesAgree('early on Wednesday', 'late on Wednesday')).toBe(false);
  });
});
