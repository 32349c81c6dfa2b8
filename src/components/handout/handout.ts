/**
 * Handouts of a figure: a PNG at twice its CSS size (for print: 2 device pixels per CSS pixel,
 * about 190 dpi at the figure's on-screen size), and a one-page A4 PDF with the figure, the
 * sentence, the step, the model and the cell's equations. Loaded on demand (a dynamic import from
 * the export menu and from `<gate-scope>`), so neither the app's nor the element's first load
 * carries it.
 *
 * The PDF page is drawn whole on a canvas and embedded as one JPEG (shared/pdf.ts): the text is
 * Chinese as often as English, and PDF's standard fonts cannot show CJK, while the browser's
 * canvas has the reader's fonts; one image also keeps the writer a few dozen lines. The cost is
 * text that cannot be selected in the PDF, which a printed handout does not need.
 */
import { A4_LANDSCAPE, onePagePdf } from '../../shared/pdf';
import { type MathRun, mathRuns } from '../../viz/mathRuns';
import type { Figure } from '../exportImage';
import type { HandoutText } from './handoutText';

/** Device pixels per CSS pixel of a PNG for print. */
export const PRINT_SCALE = 2;

async function figureImage(fig: Figure): Promise<{ img: HTMLImageElement; done: () => void }> {
  const url = URL.createObjectURL(new Blob([fig.text], { type: 'image/svg+xml' }));
  const img = new Image();
  img.decoding = 'sync';
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the figure could not be drawn as an image'));
      img.src = url;
    });
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return { img, done: () => URL.revokeObjectURL(url) };
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  return ctx;
}

const encode = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`${type} encoding failed`))), type, quality));

/** The figure as a PNG of `scale` device pixels per CSS pixel (the SVG redrawn at that size, not enlarged). */
export async function figurePng(fig: Figure, scale = PRINT_SCALE): Promise<Blob> {
  const { img, done } = await figureImage(fig);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(fig.width * scale);
    canvas.height = Math.round(fig.height * scale);
    context(canvas).drawImage(img, 0, 0, canvas.width, canvas.height);
    return await encode(canvas, 'image/png');
  } finally {
    done();
  }
}

/** The page: A4 landscape at 200 dpi (2339 × 1653 px), enough for 8-point text to print sharply. */
const DPI = 200;
const PAGE_W = Math.round((A4_LANDSCAPE.widthPt / 72) * DPI);
const PAGE_H = Math.round((A4_LANDSCAPE.heightPt / 72) * DPI);
const MARGIN = 110;
const INK = '#1a1a1a';
const MUTED = '#555555';
/** The equations' column, right of the figure. */
const EQ_COL = 780;
const GUTTER = 70;

/** The reader's own fonts: a CJK face first on a Chinese page, so Latin letters keep their Latin face elsewhere. */
const sans = (lang: HandoutText['lang']) =>
  lang === 'zh'
    ? '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif'
    : 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif';
const MATH_FONT = '"Latin Modern Math", "STIX Two Math", "Cambria Math", "Noto Serif", "Times New Roman", serif';

/** Words (and each CJK character) on lines no wider than `width`. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const pieces = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    const next = line + p;
    if (line.trim() && ctx.measureText(next.trimEnd()).width > width) {
      lines.push(line.trimEnd());
      line = p.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A script's size and how far its baseline is raised (negative: lowered), for a base size. */
function scriptPlace(scripts: string, size: number): { size: number; rise: number } {
  let s = size;
  let rise = 0;
  for (const c of scripts) {
    rise += c === '_' ? -0.22 * s : 0.4 * s;
    s *= 0.7;
  }
  return { size: s, rise };
}

/** Draws (or, with `draw` false, measures) an equation set in runs; returns its width. */
function drawMath(ctx: CanvasRenderingContext2D, runs: readonly MathRun[], x: number, y: number, size: number, draw = true): number {
  let at = x;
  for (const r of runs) {
    const p = scriptPlace(r.scripts, size);
    ctx.font = `${p.size}px ${MATH_FONT}`;
    if (draw) ctx.fillText(r.text, at, y - p.rise);
    at += ctx.measureText(r.text).width + (r.scripts ? 0.05 * size : 0);
  }
  return at - x;
}

/** The equations' column: its title, then each equation numbered with its plugged-in numbers under it. */
function drawEquations(ctx: CanvasRenderingContext2D, text: HandoutText, x: number, top: number, bottom: number) {
  const font = sans(text.lang);
  ctx.fillStyle = INK;
  ctx.font = `600 30px ${font}`;
  let y = top + 30;
  for (const line of wrap(ctx, text.equationsTitle, EQ_COL)) {
    ctx.fillText(line, x, y);
    y += 40;
  }
  if (text.equations.length === 0) return;
  y += 16;
  const runs = text.equations.map((e) => ({ eq: mathRuns(e.symbolic), plugged: mathRuns(e.plugged) }));
  const numberW = 70;
  // The largest size at which the widest equation fits the column and all of them its height.
  let size = 34;
  const fits = (s: number) =>
    runs.every((r) => drawMath(ctx, r.eq, 0, 0, s, false) <= EQ_COL - numberW && drawMath(ctx, r.plugged, 0, 0, 0.85 * s, false) <= EQ_COL - numberW) && y + runs.length * 2.6 * s <= bottom;
  while (size > 16 && !fits(size)) size -= 1;
  runs.forEach((r, k) => {
    y += 1.2 * size;
    ctx.fillStyle = MUTED;
    ctx.font = `${0.85 * size}px ${font}`;
    ctx.fillText(`(${k + 1})`, x, y);
    ctx.fillStyle = INK;
    drawMath(ctx, r.eq, x + numberW, y, size);
    y += 1.05 * size;
    ctx.fillStyle = MUTED;
    drawMath(ctx, r.plugged, x + numberW, y, 0.85 * size);
    y += 0.35 * size;
  });
}

/** The handout page as a canvas: the title and lines across the top, the figure left, the equations right. */
async function handoutCanvas(fig: Figure, text: HandoutText): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  canvas.width = PAGE_W;
  canvas.height = PAGE_H;
  const ctx = context(canvas);
  // Paper white whatever the page's theme: this is for print.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, PAGE_W, PAGE_H);
  ctx.textBaseline = 'alphabetic';
  const font = sans(text.lang);
  const inner = PAGE_W - 2 * MARGIN;
  let y = MARGIN + 46;
  ctx.fillStyle = INK;
  ctx.font = `700 52px ${font}`;
  ctx.fillText(text.title, MARGIN, y, inner);
  y += 22;
  ctx.font = `34px ${font}`;
  for (const line of text.lines)
    for (const l of wrap(ctx, line, inner)) {
      y += 48;
      ctx.fillText(l, MARGIN, y);
    }
  y += 28;
  ctx.strokeStyle = '#bbbbbb';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(MARGIN, y);
  ctx.lineTo(PAGE_W - MARGIN, y);
  ctx.stroke();
  const top = y + 40;
  const bottom = PAGE_H - MARGIN - 50;
  // The figure, as large as its area allows, keeping its proportions (redrawn from the SVG at that size).
  const area = { w: inner - EQ_COL - GUTTER, h: bottom - top };
  const scale = Math.min(area.w / fig.width, area.h / fig.height);
  const { img, done } = await figureImage(fig);
  try {
    ctx.drawImage(img, MARGIN, top, fig.width * scale, fig.height * scale);
  } finally {
    done();
  }
  drawEquations(ctx, text, PAGE_W - MARGIN - EQ_COL, top, bottom);
  ctx.fillStyle = MUTED;
  ctx.font = `24px ${font}`;
  ctx.fillText(text.footer, MARGIN, PAGE_H - MARGIN + 10, inner);
  return canvas;
}

/** The one-page PDF handout. */
export async function handoutPdf(fig: Figure, text: HandoutText): Promise<Blob> {
  const canvas = await handoutCanvas(fig, text);
  const jpeg = new Uint8Array(await (await encode(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  const pdf = onePagePdf({ ...A4_LANDSCAPE, jpeg, pixelWidth: canvas.width, pixelHeight: canvas.height, title: `${text.title} — Gatescope` });
  return new Blob([pdf], { type: 'application/pdf' });
}
