import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '../errors';

/**
 * Unzipping with limits checked while inflating: a few megabytes of zip can hold gigabytes of
 * zeros (a "zip bomb"), and the sizes an archive declares may lie. The central directory gives
 * the entry count before anything is inflated; the bytes actually inflated are counted chunk by
 * chunk, and reading stops at the first chunk past the limit.
 */
export interface UnzipLimits {
  /** Uncompressed bytes over all the entries read. */
  maxTotalBytes: number;
  /** Entries in the archive, read or not. */
  maxEntries: number;
}

export const ARCHIVE_LIMITS: UnzipLimits = { maxTotalBytes: 64 * 1024 * 1024, maxEntries: 10_000 };

// Deflate expands at most about 1,032 to 1: 16 KB of input never inflates past ~17 MB at once.
const INPUT_SLICE_BYTES = 16 * 1024;

/** A zip that could not be read at all (not a zip, truncated, corrupt). */
export class UnreadableArchive extends Error {}

/**
 * The entries `wanted` selects, inflated, keyed by their path. Throws AppError
 * `archive_too_large` (413) past a limit and UnreadableArchive when the bytes are not a zip.
 */
export function boundedUnzip(bytes: Uint8Array, wanted: (name: string) => boolean, limits: UnzipLimits = ARCHIVE_LIMITS): Record<string, Uint8Array> {
  let entries = 0;
  try {
    // Reads the central directory only: the filter says no to everything.
    unzipSync(bytes, {
      filter: () => {
        entries += 1;
        return false;
      },
    });
  } catch (error) {
    throw new UnreadableArchive(error instanceof Error ? error.message : String(error));
  }
  if (entries > limits.maxEntries) throw tooManyEntries(entries, limits);

  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  // fflate hands an error thrown in a data callback back to that callback: keep the refusal to rethrow it as is.
  let refusal: AppError | null = null;
  let seen = 0;
  const unzip = new Unzip((file) => {
    seen += 1;
    if (seen > limits.maxEntries) throw (refusal = tooManyEntries(seen, limits));
    if (!wanted(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (error, data) => {
      if (refusal) throw refusal;
      if (error) throw new UnreadableArchive(`${file.name}: ${error.message}`);
      total += data.length;
      if (total > limits.maxTotalBytes) {
        refusal = tooLarge(limits);
        file.terminate();
        throw refusal;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += INPUT_SLICE_BYTES) {
      const end = Math.min(at + INPUT_SLICE_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof UnreadableArchive) throw error;
    throw new UnreadableArchive(error instanceof Error ? error.message : String(error));
  }
  return Object.fromEntries([...chunks].map(([name, parts]) => [name, concat(parts)]));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const whole = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function tooLarge(limits: UnzipLimits): AppError {
  return new AppError(
    'archive_too_large',
    `The zip unpacks to more than ${megabytes(limits.maxTotalBytes)} of documents, so it was not read. Split it into smaller archives. Nothing was imported.`,
    { maxUncompressedBytes: limits.maxTotalBytes },
  );
}

function tooManyEntries(count: number, limits: UnzipLimits): AppError {
  return new AppError(
    'archive_too_large',
    `The zip holds ${count.toLocaleString('en')} entries, more than the ${limits.maxEntries.toLocaleString('en')} allowed, so it was not read. Split it into smaller archives. Nothing was imported.`,
    { maxEntries: limits.maxEntries },
  );
}
