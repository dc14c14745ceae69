import { describe, expect, it } from 'vitest';
import { clampPage, libraryQuery, librarySearchParams, pageCount, pageLinks, shownRange } from './query';

describe('libraryQuery', () => {
  it('fills defaults, trims text and keeps the page size within bounds', () => {
    expect(libraryQuery()).toEqual({ page: 1, pageSize: 50, sort: 'added', order: 'desc' });
    expect(libraryQuery({ sort: 'title' }).order).toBe('asc');
    expect(libraryQuery({ sort: 'activity' }).order).toBe('desc');
    expect(libraryQuery({ pageSize: 5000 }).pageSize).toBe(200);
    expect(libraryQuery({ pageSize: 0, page: -3 })).toMatchObject({ pageSize: 1, page: 1 });
    expect(libraryQuery({ source: '  ', q: ' five ' })).toEqual({ page: 1, pageSize: 50, sort: 'added', order: 'desc', q: 'five' });
  });
});

describe('page arithmetic', () => {
  it('counts pages and the rows shown: 51–100 of 312', () => {
    expect(pageCount(312, 50)).toBe(7);
    expect(pageCount(0, 50)).toBe(1);
    expect(shownRange(2, 50, 312)).toEqual({ first: 51, last: 100 });
    expect(shownRange(7, 50, 312)).toEqual({ first: 301, last: 312 });
    expect(shownRange(1, 50, 0)).toEqual({ first: 0, last: 0 });
    expect(clampPage(9, 312, 50)).toBe(7);
    expect(clampPage(3, 0, 50)).toBe(1);
  });

  it('offers the ends and two pages either side, a gap of one page filled in', () => {
    expect(pageLinks(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 7)).toEqual([1, 2, 3, null, 7]);
    expect(pageLinks(5, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageLinks(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('librarySearchParams', () => {
  it('leaves out defaults and applies changes', () => {
    const query = libraryQuery({ sort: 'title', source: 'The National', page: 3 });
    expect(librarySearchParams(query).toString()).toBe('source=The+National&sort=title&page=3');
    expect(librarySearchParams(query, { page: 1, order: 'desc' }).toString()).toBe('source=The+National&sort=title&order=desc');
    expect(librarySearchParams(libraryQuery()).toString()).toBe('');
  });
});
