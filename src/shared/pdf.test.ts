import { describe, expect, it } from 'vitest';
import { readPdfStructure } from '../testing/pdfStructure';
import { A4_LANDSCAPE, onePagePdf } from './pdf';

/** Not a real JPEG's pixels, but its markers (SOI … EOI) and bytes of every value, CR and LF among them. */
const jpeg = Uint8Array.from([0xff, 0xd8, ...Array.from({ length: 300 }, (_, k) => (k * 37) % 256), 0x0a, 0x0d, 0xff, 0xd9]);
const ascii = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

describe('onePagePdf', () => {
  const pdf = onePagePdf({ ...A4_LANDSCAPE, jpeg, pixelWidth: 1684, pixelHeight: 1190, title: 'LSTM 第 3 步' });

  it('reads back: a header, an xref table whose every offset is its object, one page, the image', () => {
    const s = readPdfStructure(pdf);
    expect(s.version).toBe('1.4');
    expect(s.objects).toBe(6);
    expect(s.pages).toBe(1);
    expect(s.mediaBox).toEqual([0, 0, 842, 595]);
    expect(s.image).not.toBeNull();
    expect([s.image!.width, s.image!.height, s.image!.filter]).toEqual([1684, 1190, 'DCTDecode']);
    // The JPEG's bytes, unchanged (a text encoding on the way would alter bytes over 127).
    expect(Array.from(s.image!.data)).toEqual(Array.from(jpeg));
  });

  it('draws the image over the whole page', () => {
    expect(ascii(pdf)).toContain('q 842 0 0 595 0 0 cm /Im0 Do Q');
  });

  it('holds the title as UTF-16 text, so a Chinese title survives', () => {
    // "LSTM 第 3 步": FEFF, then each UTF-16 code unit.
    expect(ascii(pdf)).toContain('/Title <FEFF004C00530054004D00207B2C0020003300206B65>');
  });

  it('the reader catches a wrong offset (object 3 listed one byte off)', () => {
    const text = ascii(pdf);
    const at = text.indexOf('3 0 obj');
    const entry = `${String(at).padStart(10, '0')} 00000 n \n`;
    expect(text).toContain(entry);
    const broken = text.replace(entry, `${String(at + 1).padStart(10, '0')} 00000 n \n`);
    expect(() => readPdfStructure(Uint8Array.from(broken, (c) => c.charCodeAt(0)))).toThrow(/xref entry 3 points at/);
  });
});
