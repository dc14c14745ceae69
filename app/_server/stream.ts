const encoder = new TextEncoder();

/**
 * A web stream that pulls one chunk at a time from an async iterable (an export format's output):
 * the next chunk is asked for only when the client has taken the last one, so a slow client slows
 * the export, and its database reads, instead of filling memory.
 */
export function streamChunks(chunks: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
        } catch (error) {
          console.error('Export failed while streaming', error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // No read-ahead: pull runs only when the consumer wants a chunk.
    { highWaterMark: 0 },
  );
}
