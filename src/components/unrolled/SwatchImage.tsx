import { useMemo } from 'react';
import type { StepTrace } from '../../engine';
import type { Theme } from '../../store/types';
import { valueIndex, valueRgbTable } from '../../viz/colors';
import type { UnrolledLayout } from '../../viz/unrolledLayout';
import { stateRange, type VectorRange } from '../../viz/kinds';

/**
 * A condensed chain's value swatches (long sentences: up to 200 cells × 24 units × h and C) as
 * one bitmap in the row's SVG instead of ten thousand rects: at hidden 512 those rects were
 * most of a quarter-second of style and layout each time the view opened. The bitmap is at the
 * layout's own resolution (one pixel per layout unit), so every swatch keeps its place and size;
 * `image-rendering: pixelated` keeps its edges sharp when the row is scaled. Being a data URL
 * inside the SVG, it goes along into the SVG and PNG exports. The values are in each cell's
 * accessible name and in the values table.
 */
export function SwatchImage({ layout: L, traces, belt, theme }: { layout: UnrolledLayout; traces: readonly StepTrace[]; belt: boolean; theme: Theme }) {
  const top = L.unitY[0] ?? 0;
  const bandH = L.unitY.length === 0 ? 0 : L.unitY[L.unitY.length - 1]! - top + L.swatch.h;
  const W = Math.ceil(L.width);
  const href = useMemo(() => {
    if (bandH <= 0 || W <= 0 || typeof document === 'undefined') return null;
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = bandH;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    const img = ctx.createImageData(W, bandH);
    const px = img.data;
    const paint = (x0: number, y0: number, rgb: Uint8Array, c: number) => {
      for (let y = y0; y < y0 + L.swatch.h; y++) {
        for (let x = x0; x < x0 + L.swatch.w; x++) {
          const p = (y * W + x) * 4;
          px[p] = rgb[c]!;
          px[p + 1] = rgb[c + 1]!;
          px[p + 2] = rgb[c + 2]!;
          px[p + 3] = 255;
        }
      }
    };
    const unbounded = valueRgbTable('unbounded', theme);
    for (const cell of L.cells) {
      const tr = traces[cell.t];
      if (!tr || cell.phase === 'future') continue;
      const hRange = stateRange(tr);
      const columns: Array<[ArrayLike<number>, Uint8Array, VectorRange]> = [[tr.h, valueRgbTable(hRange, theme), hRange]];
      if (belt && 'c' in tr) columns.push([tr.c, unbounded, 'unbounded']);
      columns.forEach(([values, rgb, range], c) => {
        const x0 = Math.round(cell.x + L.columnX[c]!);
        const n = Math.min(values.length, L.unitY.length);
        for (let k = 0; k < n; k++) paint(x0, Math.round(L.unitY[k]! - top), rgb, valueIndex(values[k]!, range) * 3);
      });
    }
    ctx.putImageData(img, 0, 0);
    return canvas.toDataURL('image/png');
  }, [L, traces, belt, theme, W, bandH, top]);
  if (!href) return null;
  return <image className="swatch-image" style={{ imageRendering: 'pixelated' }} href={href} x={0} y={top} width={W} height={bandH} preserveAspectRatio="none" aria-hidden="true" />;
}
