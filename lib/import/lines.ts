/*
 * A file read line by line as it streams in, so a large JSONL import holds one line at a
 * time instead of the whole file and every parsed article. Lines are numbered and cut as
 * fileLines (shared.ts) cuts a whole file: 1-based, a BOM before the first line and the \r
 * of CRLF dropped. Works on anything that yields bytes: a Node file stream, a web
 * ReadableStream (an upload), an array of chunks in a test.
 */

export interface FileLine {
  /** 1-based. */
  line: number;
  text: string;
  /** Bytes of the file read so far, for progress (counted a chunk at a time). */
  bytesRead: number;
}

/** The bytes are not UTF-8: the caller reports it as the file's problem. */
export class NotUtf8Error extends Error {
  constructor() {
    super('the file is not UTF-8 text');
  }
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export async function* readLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<FileLine> {
  // fatal: a byte that is not UTF-8 stops the import instead of becoming U+FFFD in an article.
  // The decoder drops a leading BOM itself (ignoreBOM is false by default).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;
  let bytesRead = 0;
  let rest = '';
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8Error();
    }
  };
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    const text = rest + decode(chunk);
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      line += 1;
      yield { line, text: withoutCr(text.slice(from, end)), bytesRead };
      from = end + 1;
    }
    rest = text.slice(from);
  }
  rest += decode();
  // As `content.split('\n')`: the text after the last line break is a line, even when empty.
  line += 1;
  yield { line, text: withoutCr(rest), bytesRead };
}
