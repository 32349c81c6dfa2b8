/**
 * Export a diagram as a self-contained SVG or a PNG for slides. The on-screen SVG takes its
 * colours and fonts from CSS (variables, themes), which a standalone file would lose, so the
 * clone gets every presentational property inlined from the computed style.
 */
import type { FigurePart } from '../shared/figures';

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'visibility',
  'display',
  'paint-order',
  'marker-end',
  'marker-start',
] as const;

interface ExportOptions {
  /** A background colour, or null for transparent. */
  readonly background: string | null;
}

function inlineStyles(src: Element, dst: Element) {
  const cs = getComputedStyle(src);
  const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', style);
  for (let k = 0; k < src.children.length; k++) inlineStyles(src.children[k]!, dst.children[k]!);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone copy of an on-screen SVG (styles inlined, focus attributes gone) and its size. */
function standalone(svg: SVGSVGElement): { clone: SVGSVGElement; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const width = vb?.width ? vb.width : box.width;
  const height = vb?.height ? vb.height : box.height;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Focus rings and hover state are not part of the figure.
  clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  return { clone, width, height };
}

function backgroundRect(color: string, x = 0, y = 0): SVGRectElement {
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', color);
  return bg;
}

export interface Figure {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** One piece of a view made of several figures (the two chains, each heatmap, each chart). */
const PART_GAP = 14;
const TITLE_H = 22;

/**
 * The parts one under another, each with its title, as one SVG: the labels that the page sets
 * in HTML come along as text, and a canvas (a large heatmap) as an embedded bitmap.
 */
export function partsToString(parts: readonly FigurePart[], opts: ExportOptions): Figure {
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  // The titles' ink and type are the figure's surroundings' (a <gate-scope>'s own theme, in its
  // shadow root), not the host page's body's.
  const around = parts[0]?.el.parentElement;
  const ink = getComputedStyle(around ?? document.body);
  let y = 0;
  let width = 0;
  for (const p of parts) {
    if (p.title) {
      const title = document.createElementNS(SVG_NS, 'text');
      title.setAttribute('x', '0');
      title.setAttribute('y', String(y + 16));
      title.setAttribute('style', `fill:${ink.color};font-family:${ink.fontFamily};font-size:15px;font-weight:700`);
      title.textContent = p.title;
      root.appendChild(title);
      y += TITLE_H;
    }
    if (p.el instanceof HTMLCanvasElement) {
      const w = p.el.clientWidth || p.el.width;
      const h = p.el.clientHeight || p.el.height;
      const img = document.createElementNS(SVG_NS, 'image');
      img.setAttribute('x', '0');
      img.setAttribute('y', String(y));
      img.setAttribute('width', String(w));
      img.setAttribute('height', String(h));
      img.setAttribute('preserveAspectRatio', 'none');
      img.setAttribute('style', 'image-rendering:pixelated');
      img.setAttribute('href', p.el.toDataURL('image/png'));
      root.appendChild(img);
      y += h + PART_GAP;
      width = Math.max(width, w);
    } else {
      const { clone, width: w, height: h } = standalone(p.el);
      clone.setAttribute('x', '0');
      clone.setAttribute('y', String(y));
      root.appendChild(clone);
      y += h + PART_GAP;
      width = Math.max(width, w);
    }
  }
  const height = Math.max(1, y - PART_GAP);
  width = Math.max(1, Math.ceil(width));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (opts.background) root.insertBefore(backgroundRect(opts.background), root.firstChild);
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

type CopyResult = { readonly ok: true } | { readonly ok: false; readonly why: 'unavailable' | 'refused'; readonly reason: string };

/**
 * Puts a PNG on the clipboard. The clipboard item is made at once, with the image still to come
 * (a promise), so the write stays inside the click that asked for it, as browsers require; where
 * images cannot be written (an insecure page, an older browser) or the write is refused, says
 * which, for the reader to be told.
 */
export async function copyImage(png: Promise<Blob>): Promise<CopyResult> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    png.catch(() => undefined);
    return { ok: false, why: 'unavailable', reason: '' };
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { ok: true };
  } catch (e) {
    return { ok: false, why: 'refused', reason: e instanceof Error ? e.message || e.name : String(e) };
  }
}

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
