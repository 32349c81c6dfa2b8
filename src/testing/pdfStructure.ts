/**
 * Reads back what shared/pdf.ts writes, strictly enough to catch a broken file: the header, the
 * cross-reference table (every offset must land on its object's first byte), the page count and
 * the image with its stream. Used by the writer's unit test and the handout's e2e (a viewer
 * refuses or repairs a PDF whose offsets are wrong, so a loose check would pass a bad file).
 */
interface PdfStructure {
  readonly version: string;
  /** Objects listed in the cross-reference table (not counting object 0). */
  readonly objects: number;
  readonly pages: number;
  readonly mediaBox: readonly number[];
  readonly image: { readonly width: number; readonly height: number; readonly filter: string; readonly data: Uint8Array } | null;
}

export function readPdfStructure(bytes: Uint8Array): PdfStructure {
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const version = /^%PDF-(\d\.\d)\n/.exec(text)?.[1];
  if (!version) throw new Error('no %PDF- header');
  if (!text.trimEnd().endsWith('%%EOF')) throw new Error('no %%EOF at the end');
  const start = /startxref\n(\d+)\n%%EOF\s*$/.exec(text);
  if (!start) throw new Error('no startxref');
  const xref = Number(start[1]);
  const head = /^xref\n0 (\d+)\n/.exec(text.slice(xref));
  if (!head) throw new Error(`startxref ${xref} does not point at an xref table`);
  const size = Number(head[1]);
  const table = xref + head[0].length;
  for (let k = 0; k < size; k++) {
    const entry = text.slice(table + 20 * k, table + 20 * (k + 1));
    const m = /^(\d{10}) (\d{5}) ([nf]) \n$/.exec(entry);
    if (!m) throw new Error(`xref entry ${k} is not 20 bytes of the right form: ${JSON.stringify(entry)}`);
    if (k === 0) continue;
    const at = Number(m[1]);
    if (!text.startsWith(`${k} 0 obj`, at)) throw new Error(`xref entry ${k} points at ${JSON.stringify(text.slice(at, at + 12))}`);
  }
  const trailer = text.slice(table + 20 * size);
  if (!new RegExp(`/Size ${size}\\b`).test(trailer) || !/\/Root \d+ 0 R/.test(trailer)) throw new Error('trailer without /Size or /Root');
  const pages = text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  const mediaBox = (/\/MediaBox \[([^\]]*)\]/.exec(text)?.[1] ?? '').trim().split(/\s+/).map(Number);
  const im = /\/Subtype \/Image \/Width (\d+) \/Height (\d+)[^>]*\/Filter \/(\w+) \/Length (\d+) >>\nstream\n/.exec(text);
  const image = im ? { width: Number(im[1]), height: Number(im[2]), filter: im[3]!, data: bytes.subarray(im.index + im[0].length, im.index + im[0].length + Number(im[4])) } : null;
  if (im && !text.startsWith('\nendstream', im.index + im[0].length + Number(im[4]))) throw new Error("the image stream's /Length is not its length");
  return { version, objects: size - 1, pages, mediaBox, image };
}
