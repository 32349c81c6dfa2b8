/**
 * Paints one heatmap on a canvas. Without gaps between cells (the dense case: long sentences),
 * each value is one pixel of a tokens × units image, scaled up with smoothing off: a single
 * drawImage instead of thousands of fillRect calls, each of which parses a colour string.
 * With gaps, one fillRect per value.
 */
import type { Theme } from '../../store/types';
import { heatColor, heatRgb } from '../../viz/heatColors';
import { cellRect, type HeatmapLayout, type HeatmapSeries } from '../../viz/heatmapLayout';

export function drawHeatmap(canvas: HTMLCanvasElement, L: HeatmapLayout, s: HeatmapSeries, theme: Theme): void {
  // Backing store at device resolution so cells stay crisp on high-DPI screens.
  const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  canvas.width = Math.round(L.width * dpr);
  canvas.height = Math.round(L.height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, L.width, L.height);
  if (L.inset === 0 && typeof OffscreenCanvas !== 'undefined') {
    const img = new ImageData(L.tokens, L.units);
    for (let t = 0; t < L.tokens; t++) {
      const col = s.values[t]!;
      for (let k = 0; k < L.units; k++) {
        const [r, g, b] = heatRgb(col[k]!, s.range, theme);
        const p = (k * L.tokens + t) * 4;
        img.data[p] = r;
        img.data[p + 1] = g;
        img.data[p + 2] = b;
        img.data[p + 3] = 255;
      }
    }
    const small = new OffscreenCanvas(L.tokens, L.units);
    small.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, L.width, L.height);
    return;
  }
  for (let t = 0; t < L.tokens; t++) {
    const col = s.values[t]!;
    for (let k = 0; k < L.units; k++) {
      const r = cellRect(L, { t, k });
      ctx.fillStyle = heatColor(col[k]!, s.range, theme);
      ctx.fillRect(r.x, r.y, r.w, r.h);
    }
  }
}
