import { strToU8, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { parseBratZip } from './brat';
import { ARCHIVE_LIMITS, boundedUnzip, UnreadableArchive } from './bounded-unzip';
import { zipOfZeros } from './zip-bomb.test-helper';

const MB = 1024 * 1024;
const everything = () => true;

function refusal(work: () => unknown): { code: string; status: number; message: string } {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('boundedUnzip', () => {
  it('reads the wanted entries of an ordinary archive, stored or deflated', () => {
    const bytes = zipSync({ 'a.txt': strToU8('Five fighters.'), 'a.ann': strToU8('T1\tactor 0 4\tFive'), 'notes.md': strToU8('skip me') });
    const entries = boundedUnzip(bytes, (name) => name.endsWith('.txt') || name.endsWith('.ann'));
    expect(Object.keys(entries).sort()).toEqual(['a.ann', 'a.txt']);
    expect(new TextDecoder().decode(entries['a.txt'])).toBe('Five fighters.');

    const stored: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => stored.push(chunk));
    const entry = new ZipPassThrough('b.txt');
    zip.add(entry);
    entry.push(strToU8('stored text'), true);
    zip.end();
    const storedBytes = new Uint8Array(stored.reduce((size, part) => size + part.length, 0));
    stored.reduce((at, part) => (storedBytes.set(part, at), at + part.length), 0);
    expect(new TextDecoder().decode(boundedUnzip(storedBytes, everything)['b.txt'])).toBe('stored text');
  });

  it('refuses one entry that inflates past the total limit, with a 413 that says why', () => {
    const started = Date.now();
    const bytes = zipOfZeros({ 'bomb.txt': 1024 * MB });
    // 1 GB of zeros in under 7 MB, refused after inflating a little over 64 MB of it.
    expect(bytes.length).toBeLessThan(7 * MB);
    expect(ARCHIVE_LIMITS.maxTotalBytes).toBe(64 * MB);
    const refused = refusal(() => boundedUnzip(bytes, everything));
    expect(refused).toMatchObject({ code: 'archive_too_large', status: 413 });
    expect(refused.message).toContain('more than 64 MB');
    // Inflating the whole gigabyte would take many times longer on any machine.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('counts all entries together: several entries each under the limit add up past it', () => {
    const bytes = zipOfZeros({ 'a.txt': 3 * MB, 'b.txt': 3 * MB, 'c.txt': 3 * MB });
    expect(refusal(() => boundedUnzip(bytes, everything, { maxTotalBytes: 8 * MB, maxEntries: 10 }))).toMatchObject({ code: 'archive_too_large' });
    expect(Object.keys(boundedUnzip(bytes, everything, { maxTotalBytes: 9 * MB + 1024, maxEntries: 10 }))).toHaveLength(3);
  });

  it('does not count entries it does not read', () => {
    const bytes = zipOfZeros({ 'skipped.bin': 20 * MB, 'a.txt': MB });
    expect(Object.keys(boundedUnzip(bytes, (name) => name.endsWith('.txt'), { maxTotalBytes: 2 * MB, maxEntries: 10 }))).toEqual(['a.txt']);
  });

  it('refuses more than 10,000 entries before inflating any', () => {
    const files = Object.fromEntries(Array.from({ length: ARCHIVE_LIMITS.maxEntries + 1 }, (_, i) => [`d${i}.txt`, new Uint8Array(0)]));
    const refused = refusal(() => boundedUnzip(zipSync(files), everything));
    expect(refused).toMatchObject({ code: 'archive_too_large', status: 413 });
    expect(refused.message).toContain('10,001 entries, more than the 10,000 allowed');
  });

  it('tells an archive that is not a zip apart from one that is too large', () => {
    expect(() => boundedUnzip(strToU8('not a zip at all'), everything)).toThrow(UnreadableArchive);
  });

  it('lets the 413 through the brat importer instead of reporting a broken document', () => {
    expect(refusal(() => parseBratZip(zipOfZeros({ 'a.txt': 65 * MB }), 'corpus.zip'))).toMatchObject({ code: 'archive_too_large', status: 413 });
  });
});
