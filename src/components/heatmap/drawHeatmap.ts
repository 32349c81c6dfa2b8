/** Paints one heatmap on a canvas: one fillRect per value, colours from a lookup table. */
import type { Theme } from '../../store/types';
import { heatColor } from '../../viz/heatColors';
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
  for (let t = 0; t < L.tokens; t++) {
    const col = s.values[t]!;
    for (let k = 0; k < L.units; k++) {
      const r = cellRect(L, { t, k });
      ctx.fillStyle = heatColor(col[k]!, s.range, theme);
      ctx.fillRect(r.x, r.y, r.w, r.h);
    }
  }
}
