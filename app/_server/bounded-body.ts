import { AppError } from '@/lib/errors';

/**
 * Request bodies read with their limit checked while they arrive. A declared Content-Length
 * over the limit is refused before reading; a chunked body (no Content-Length) is read chunk
 * by chunk and dropped at the first byte past the limit, so a client cannot make the server
 * hold hundreds of megabytes before it says no.
 */
export async function readBoundedBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading: the rest of the body is never buffered.
      reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The body as UTF-8 text, within the limit. */
export async function readBoundedText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBoundedBytes(request, maxBytes));
}

/** A multipart or urlencoded form, within the limit (the form is parsed only once all of it arrived in time). */
export async function readBoundedForm(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBoundedBytes(request, maxBytes);
  const contentType = request.headers.get('content-type') ?? '';
  return new Response(bytes, { headers: { 'content-type': contentType } }).formData();
}

export function payloadTooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${formatMegabytes(maxBytes)}, so it was not read. Nothing was saved.`, {
    maxBytes,
  });
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}
