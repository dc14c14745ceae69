const encoder = new TextEncoder();

/** A web stream that pulls one chunk at a time from a generator, so a slow client slows the export instead of filling memory. */
export function streamChunks(chunks: Iterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
      } catch (error) {
        console.error('Export failed while streaming', error);
        controller.error(error);
      }
    },
    cancel() {
      iterator.return?.();
    },
  });
}
