/**
 * A minimal PDF writer: one page, one JPEG image covering it. Enough for a printable handout
 * without a PDF library in the bundle (a general one is 100+ KiB gzip; this is about 1). The
 * page is one image because the handout's text is Chinese as often as English, and the PDF
 * standard fonts have no CJK glyphs: embedding a CJK font would cost megabytes, while a page
 * drawn on a canvas uses the fonts the browser already has, and looks the same in every viewer.
 * Pure: bytes in, bytes out (no DOM), so it is unit tested in Node.
 */

interface PdfPage {
  /** The page's size in points (1/72 inch): A4 landscape is 842 × 595. */
  readonly widthPt: number;
  readonly heightPt: number;
  /** A baseline JPEG (what a canvas's toBlob('image/jpeg') gives), drawn over the whole page. */
  readonly jpeg: Uint8Array;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** The document's title (its Info dictionary), any script. */
  readonly title?: string;
}

/** A4 in points, landscape. */
export const A4_LANDSCAPE = { widthPt: 842, heightPt: 595 } as const;

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A text string as UTF-16BE with its byte-order mark, in hex: how PDF holds text outside Latin-1. */
function textString(s: string): string {
  let hex = 'FEFF';
  for (let k = 0; k < s.length; k++) hex += s.charCodeAt(k).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

export function onePagePdf(p: PdfPage): Uint8Array<ArrayBuffer> {
  const w = num(p.widthPt);
  const h = num(p.heightPt);
  // The content stream: scale the unit square the image is drawn in to the whole page.
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`;
  const objects: (string | [string, Uint8Array, string])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
    [
      `<< /Type /XObject /Subtype /Image /Width ${p.pixelWidth} /Height ${p.pixelHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      p.jpeg,
      '\nendstream',
    ],
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    `<< /Producer (Gatescope)${p.title ? ` /Title ${textString(p.title)}` : ''} >>`,
  ];
  const chunks: Uint8Array[] = [];
  let length = 0;
  const put = (b: Uint8Array) => {
    chunks.push(b);
    length += b.length;
  };
  // The second line's high bytes tell transfer tools the file is binary.
  put(latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'));
  const offsets: number[] = [];
  objects.forEach((o, k) => {
    offsets.push(length);
    put(latin1(`${k + 1} 0 obj\n`));
    if (typeof o === 'string') put(latin1(o));
    else {
      put(latin1(o[0]));
      put(o[1]);
      put(latin1(o[2]));
    }
    put(latin1('\nendobj\n'));
  });
  const xref = length;
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, n/f, space, newline.
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  put(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`));
  put(latin1(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
