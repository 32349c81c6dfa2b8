/**
 * A small byte-oriented LZ77 codec for links (linkFragment.ts): a long sentence typed by a reader
 * repeats its words, and a link should stay a few kilobytes, not 45 KB of %-escapes. Synchronous,
 * so a link is written the moment it is asked for (the platform's CompressionStream is async).
 *
 * The stream is a run of blocks, each opened by one control byte c:
 * - c < 128: a literal run of c + 1 bytes follows;
 * - c ≥ 128: a match of (c − 128) + MIN_MATCH bytes, copied from `distance` bytes back, where
 *   the distance follows as a little-endian base-128 varint (≥ 1; overlapping copies repeat).
 */
const MIN_MATCH = 3;
const MAX_MATCH = 127 + MIN_MATCH;
const MAX_LITERALS = 128;
const HASH_BITS = 15;

const hash3 = (b: Uint8Array, i: number) => (((b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!) * 2654435761) >>> (32 - HASH_BITS);

export function lzCompress(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  // The last position each 3-byte sequence was seen at (+1; 0: never): greedy, one candidate.
  const last = new Int32Array(1 << HASH_BITS);
  let literals: number[] = [];
  const flush = () => {
    for (let k = 0; k < literals.length; k += MAX_LITERALS) {
      const run = literals.slice(k, k + MAX_LITERALS);
      out.push(run.length - 1, ...run);
    }
    literals = [];
  };
  let i = 0;
  while (i < input.length) {
    let len = 0;
    let from = -1;
    if (i + MIN_MATCH <= input.length) {
      const h = hash3(input, i);
      from = last[h]! - 1;
      last[h] = i + 1;
      if (from >= 0) while (len < MAX_MATCH && i + len < input.length && input[from + len] === input[i + len]) len++;
    }
    if (len < MIN_MATCH) {
      literals.push(input[i]!);
      i++;
      continue;
    }
    flush();
    out.push(128 + len - MIN_MATCH);
    for (let d = i - from; ; d >>>= 7) {
      if (d < 128) {
        out.push(d);
        break;
      }
      out.push((d & 127) | 128);
    }
    // The positions inside the match are remembered too, so the next repeat can start anywhere.
    for (let k = i + 1; k < i + len && k + MIN_MATCH <= input.length; k++) last[hash3(input, k)] = k + 1;
    i += len;
  }
  flush();
  return Uint8Array.from(out);
}

/** The bytes back; throws, saying where, on a stream this codec could not have written. */
export function lzDecompress(input: Uint8Array, maxBytes: number): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i++]!;
    if (c < 128) {
      if (i + c + 1 > input.length) throw new Error(`literal run past the end at byte ${i - 1}`);
      for (let k = 0; k <= c; k++) out.push(input[i++]!);
    } else {
      let d = 0;
      for (let shift = 0; ; shift += 7) {
        if (i >= input.length || shift > 28) throw new Error(`distance cut short at byte ${i}`);
        const b = input[i++]!;
        d += (b & 127) * 2 ** shift;
        if (b < 128) break;
      }
      if (d < 1 || d > out.length) throw new Error(`a copy from ${d} bytes back, before the start`);
      const from = out.length - d;
      for (let k = 0; k < c - 128 + MIN_MATCH; k++) out.push(out[from + k]!);
    }
    if (out.length > maxBytes) throw new Error(`longer than ${maxBytes} bytes`);
  }
  return Uint8Array.from(out);
}
