/** Async streams for export tests: formats read an AsyncIterable of articles and write one of chunks. */

/** The items, one by one, as the async stream a format reads. */
export async function* streamOf<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Every item of an async stream, in order. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** A text format's whole output. */
export async function collectText(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  return (await collect(stream)).map((chunk) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk))).join('');
}
