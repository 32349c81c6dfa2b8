import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lzCompress, lzDecompress } from './lz';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('the links’ LZ codec', () => {
  it('gives back every byte string it packs, repeats and overlapping runs included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => {
        expect(lzDecompress(lzCompress(b), 1 << 20)).toEqual(b);
      }),
      { numRuns: 200 },
    );
    // Few distinct bytes: long matches, copies that overlap their own output.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 255), { maxLength: 5000 }), (a) => {
        const b = Uint8Array.from(a);
        expect(lzDecompress(lzCompress(b), 1 << 20)).toEqual(b);
      }),
      { numRuns: 200 },
    );
    expect(lzCompress(new Uint8Array(0))).toEqual(new Uint8Array(0));
  });

  it('packs a repetitive sentence to a fraction of its bytes, and a run of one letter to almost nothing', () => {
    const text = bytes('the movie was not good but the music was wonderful and '.repeat(90));
    expect(lzCompress(text).length).toBeLessThan(text.length / 20);
    expect(lzCompress(bytes('a'.repeat(5000))).length).toBeLessThan(200);
  });

  it('refuses, saying why, a stream it could not have written', () => {
    expect(() => lzDecompress(Uint8Array.from([5, 1, 2]), 100)).toThrow(/literal run past the end/);
    expect(() => lzDecompress(Uint8Array.from([0, 65, 128, 2]), 100)).toThrow(/before the start/);
    expect(() => lzDecompress(Uint8Array.from([0, 65, 128]), 100)).toThrow(/cut short/);
    expect(() => lzDecompress(lzCompress(bytes('x'.repeat(500))), 100)).toThrow(/longer than 100/);
  });
});
