import { Zip, ZipPassThrough } from 'fflate';

/**
 * Raw deflate data that inflates to `bytes` zeros (rounded up to 1 + a multiple of 258): one literal zero, then back-references of
 * 258 bytes at distance 1 in a fixed-Huffman block, 13 bits each. A gigabyte costs ~6.5 MB and
 * milliseconds to make, where compressing a gigabyte of zeros would take many seconds.
 */
export function deflatedZeros(bytes: number): Uint8Array {
  const matches = Math.ceil(Math.max(0, bytes - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * matches + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = 0; i < length; i += 1, bit += 1) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i += 1) reversed |= ((value >> i) & 1) << (length - 1 - i);
    put(reversed, length);
  };
  put(1, 1); // last block
  put(1, 2); // fixed Huffman codes
  code(0x30, 8); // literal 0
  for (let i = 0; i < matches; i += 1) {
    code(0xc5, 8); // length 258
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

/** Stores data that is already deflated: the zip says "deflate" and declares no sizes. */
class PreDeflated extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8;
  }
}

/** A zip of entries that each inflate to the given number of zero bytes. */
export function zipOfZeros(entries: Record<string, number>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes] of Object.entries(entries)) {
    const entry = new PreDeflated(name);
    zip.add(entry);
    entry.push(deflatedZeros(bytes), true);
  }
  zip.end();
  const whole = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
