import { describe, expect, it } from 'vitest';
import { NotUtf8Error, readLines, type FileLine } from './lines';
import { fileLines } from './shared';

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let from = 0; from < bytes.length; from += size) yield bytes.subarray(from, from + size);
}

async function collect(lines: AsyncIterable<FileLine>): Promise<FileLine[]> {
  const all: FileLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('readLines', () => {
  // A BOM, CRLF, an emoji and an accented letter: every chunk size cuts some of them in half.
  const content = '\uFEFF{"text":"one 👍🏽"}\r\n\r\n{"text":"café"}\n{"text":"last, no line break"}';
  const bytes = new TextEncoder().encode(content);

  it('cuts and numbers lines as fileLines does, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
      const lines = await collect(readLines(chunksOf(bytes, size)));
      expect(lines.map((line) => line.text), `chunks of ${size}`).toEqual(fileLines(content));
      expect(lines.map((line) => line.line)).toEqual(fileLines(content).map((_, index) => index + 1));
    }
  });

  it('counts the bytes read so far, up to the whole file', async () => {
    const lines = await collect(readLines(chunksOf(bytes, 10)));
    const counts = lines.map((line) => line.bytesRead);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(bytes.length);
  });

  it('a final line break leaves an empty last line, as split does', async () => {
    const lines = await collect(readLines(chunksOf(new TextEncoder().encode('a\nb\n'), 3)));
    expect(lines.map((line) => line.text)).toEqual(['a', 'b', '']);
  });

  it('stops at bytes that are not UTF-8', async () => {
    const bad = new Uint8Array([...new TextEncoder().encode('{"text":"ok"}\n'), 0xff, 0xfe, 0x0a]);
    await expect(collect(readLines(chunksOf(bad, 4)))).rejects.toBeInstanceOf(NotUtf8Error);
  });
});
