/**
 * Paints one heatmap on a canvas. Without gaps between cells (the dense case: long sentences),
 * the canvas's own pixels are one per value (tokens × units) and CSS scales it up with
 * `image-rendering: pixelated`: a 200 × 512 heatmap is then 10⁵ pixels to fill, not the 10⁷
 * of its on-screen size (at hidden 512 that was most of a quarter-second per panel), and the
 * export takes the same bitmap at the element's size. With gaps, one fillRect per value.
 */
import type { Theme } from '../../store/types';
import { valueColor, valueIndex, valueRgbTable } from '../../viz/colors';
import { cellRect, type HeatmapLayout, type HeatmapSeries } from '../../viz/heatmapLayout';

export function drawHeatmap(canvas: HTMLCanvasElement, L: HeatmapLayout, s: HeatmapSeries, theme: Theme): void {
  if (L.inset === 0) {
    canvas.width = L.tokens;
    canvas.height = L.units;
    canvas.style.imageRendering = 'pixelated';
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(L.tokens, L.units);
    const rgb = valueRgbTable(s.range, theme);
    const px = img.data;
    for (let t = 0; t < L.tokens; t++) {
      const col = s.values[t]!;
      for (let k = 0; k < L.units; k++) {
        const c = valueIndex(col[k]!, s.range) * 3;
        const p = (k * L.tokens + t) * 4;
        px[p] = rgb[c]!;
        px[p + 1] = rgb[c + 1]!;
        px[p + 2] = rgb[c + 2]!;
        px[p + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return;
  }
  // Backing store at device resolution so cells stay crisp on high-DPI screens.
  canvas.style.imageRendering = '';
  const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  canvas.width = Math.round(L.width * dpr);
  canvas.height = Math.round(L.height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, L.width, L.height);
  for (let t = 0; t < L.tokens; t++) {
    const col = s.values[t]!;
    for (let k = 0; k < L.units; k++) {
      const r = cellRect(L, { t, k });
      ctx.fillStyle = valueColor(col[k]!, s.range, theme);
      ctx.fillRect(r.x, r.y, r.w, r.h);
    }
  }
}
