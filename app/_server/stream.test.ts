import { describe, expect, it, vi } from 'vitest';
import { streamChunks } from './stream';

describe('streamChunks', () => {
  it('pulls one chunk from the source per read, so a slow client slows the source', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<string | Uint8Array> {
      for (let i = 0; i < 3; i += 1) {
        produced += 1;
        yield i === 1 ? new Uint8Array([98]) : String.fromCharCode(97 + i);
      }
    }
    const reader = streamChunks(source()).getReader();
    // Nothing is read ahead before the client asks.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toBe(0);
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('a');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toBe(1);
    expect(decoder.decode((await reader.read()).value)).toBe('b');
    expect(decoder.decode((await reader.read()).value)).toBe('c');
    expect((await reader.read()).done).toBe(true);
  });

  it('ends the source when the client goes away', async () => {
    let finished = false;
    async function* source(): AsyncGenerator<string> {
      try {
        for (let i = 0; ; i += 1) yield String(i);
      } finally {
        finished = true;
      }
    }
    const reader = streamChunks(source()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it('errors the stream when the source throws', async () => {
    async function* source(): AsyncGenerator<string> {
      throw new Error('export failed');
    }
    const reader = streamChunks(source()).getReader();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(reader.read()).rejects.toThrow('export failed');
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});
