/**
 * Figures, not a test: how long the whole-sentence views cost at 200 tokens.
 *
 *   npx tsx scripts/bench-heatmap.ts                  # Node part only
 *   npx vite build && npx vite preview --port 4339 &  # then, for the Chromium part:
 *   npx tsx scripts/bench-heatmap.ts http://127.0.0.1:4339/
 *
 * 1. Node: the full trace (fullTraces) and the heatmap series of a random hidden-32 model
 *    (embedding 8, as the demo) over 200 tokens, for every kind. Median of 25 runs.
 * 2. Chromium (Debian's, through playwright-core): the app's heatmap view at 200 tokens with the
 *    demo models (hidden 6): switching the cell kind re-runs the trace and repaints 6 canvases;
 *    and a bare canvas paint of 200 × 32 cells × 6 heatmaps, the hidden-32 drawing cost.
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CELL_KINDS, createRng, randomParams, type EmbeddedToken } from '../src/engine';
import { fullTraces } from '../src/store/compare';
import { heatmapSeries } from '../src/viz/heatmapLayout';
import { chromiumPath } from './chromium-path.mjs';

const T = 200;
const HIDDEN = 32;
const EMBED = 8;

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function nodePart() {
  console.log(`Node ${process.version}: full trace + heatmap series, ${T} tokens, hidden ${HIDDEN}, input ${EMBED} (median of 25)`);
  const rng = createRng(7);
  for (const kind of CELL_KINDS) {
    const cell = randomParams(kind, EMBED, HIDDEN, rng);
    const times: number[] = [];
    const traceTimes: number[] = [];
    for (let rep = 0; rep < 25; rep++) {
      // A fresh token list each time so the memo does not answer.
      const tokens: EmbeddedToken[] = Array.from({ length: T }, (_, t) => ({
        token: `w${t}`,
        seen: `w${t}`,
        unknown: false,
        x: Float64Array.from({ length: EMBED }, () => rng.uniform(-1, 1)),
      }));
      const t0 = performance.now();
      const traces = fullTraces(cell, tokens);
      const t1 = performance.now();
      heatmapSeries(traces);
      times.push(performance.now() - t0);
      traceTimes.push(t1 - t0);
    }
    console.log(`  ${kind.padEnd(9)} ${median(times).toFixed(2)} ms  (trace alone ${median(traceTimes).toFixed(2)} ms)`);
  }
}

async function browserPart(url: string) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const words = Array.from({ length: T }, (_, k) => `w${k}`).join(' ');
  await page.goto(`${url}?view=heatmap&cell=lstm&text=${encodeURIComponent(words)}`);
  await page.locator('.hm-surface canvas').first().waitFor();
  console.log(`Chromium ${browser.version()}: app heatmap view, ${T} tokens, demo hidden 6 (trace + React + canvas paint)`);
  const names: Record<string, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU', peephole: 'Peephole LSTM', coupled: 'Coupled LSTM' };
  const panels: Record<string, number> = { rnn: 2, lstm: 6, gru: 4, peephole: 6, coupled: 6 };
  for (const kind of [...CELL_KINDS.filter((k) => k !== 'lstm'), 'lstm' as const]) {
    // Time inside the page: from the click to the second animation frame after it (painted).
    const ms = await page.evaluate(async (name) => {
      const radio = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="cell-type"]')).find((r) => r.parentElement?.textContent?.trim() === name)!;
      const t0 = performance.now();
      radio.click();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    }, names[kind]!);
    const n = await page.locator('.hm-surface canvas').count();
    console.log(`  switch to ${kind.padEnd(9)} ${ms.toFixed(1)} ms  (${n} canvases, expected ${panels[kind]})`);
  }
  const step = await page.evaluate(async () => {
    const btn = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Step forward'))!;
    const t0 = performance.now();
    btn.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
  console.log(`  one step forward (column outline moves, no repaint): ${step.toFixed(1)} ms`);

  const paint = await page.evaluate(
    ({ T, H }) => {
      // The same drawing as drawHeatmap: one fillRect per value from a 256-colour table.
      const lut = Array.from({ length: 256 }, (_, k) => `rgb(${k}, ${255 - k}, 128)`);
      const times: number[] = [];
      for (let rep = 0; rep < 9; rep++) {
        const t0 = performance.now();
        for (let p = 0; p < 6; p++) {
          const c = document.createElement('canvas');
          c.width = T * 9;
          c.height = H * 10;
          const ctx = c.getContext('2d')!;
          for (let t = 0; t < T; t++)
            for (let k = 0; k < H; k++) {
              ctx.fillStyle = lut[(t * 31 + k * 17) & 255]!;
              ctx.fillRect(t * 9, k * 10, 9, 10);
            }
          ctx.getImageData(0, 0, 1, 1); // forces the drawing to finish
        }
        times.push(performance.now() - t0);
      }
      // As drawHeatmap does without gaps: one pixel per value, scaled up by one drawImage.
      const pixelTimes: number[] = [];
      for (let rep = 0; rep < 9; rep++) {
        const t0 = performance.now();
        for (let p = 0; p < 6; p++) {
          const c = document.createElement('canvas');
          c.width = T * 9;
          c.height = H * 10;
          const ctx = c.getContext('2d')!;
          const img = new ImageData(T, H);
          for (let t = 0; t < T; t++)
            for (let k = 0; k < H; k++) {
              const q = (k * T + t) * 4;
              const v = (t * 31 + k * 17) & 255;
              img.data[q] = v;
              img.data[q + 1] = 255 - v;
              img.data[q + 2] = 128;
              img.data[q + 3] = 255;
            }
          const small = new OffscreenCanvas(T, H);
          small.getContext('2d')!.putImageData(img, 0, 0);
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(small, 0, 0, c.width, c.height);
          ctx.getImageData(0, 0, 1, 1);
        }
        pixelTimes.push(performance.now() - t0);
      }
      // (No named helper functions in here: tsx would wrap them in a __name call the page lacks.)
      times.sort((a, b) => a - b);
      pixelTimes.sort((a, b) => a - b);
      return { rects: times[4]!, pixels: pixelTimes[4]! };
    },
    { T, H: HIDDEN },
  );
  console.log(`  bare canvas paint, ${T} × ${HIDDEN} cells × 6 heatmaps (median of 9): fillRect per cell ${paint.rects.toFixed(1)} ms, one pixel per cell + drawImage ${paint.pixels.toFixed(1)} ms`);
  await browser.close();
}

nodePart();
const url = process.argv[2];
if (url) await browserPart(url);
else console.log('(pass the preview URL, e.g. http://127.0.0.1:4339/, for the Chromium figures)');
