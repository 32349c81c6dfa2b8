/**
 * Figures, not a test: how long the whole-sentence views cost at 200 tokens.
 *
 *   npx tsx scripts/bench-heatmap.ts                  # Node part only
 *   GATESCOPE_DEBUG_BUILD=1 npx vite build && npx vite preview --port 4339 &  # then, for the Chromium part:
 *   npx tsx scripts/bench-heatmap.ts http://127.0.0.1:4339/
 *
 * 1. Node: the full trace (fullTraces) and the heatmap series of a random hidden-32 model
 *    (embedding 8, as the demo) over 200 tokens, for every kind. Median of 25 runs.
 * 2. Chromium (Debian's, through playwright-core): the app's heatmap view at 200 tokens with a
 *    random hidden-32 model of every kind, loaded through the ?debug=1 hook: from setModel to the
 *    painted frame (the page runs the whole trace, React renders, every heatmap canvas is drawn).
 */
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CELL_KINDS, createRng, randomParams, type EmbeddedToken } from '../src/engine';
import { fullTraces } from '../src/store/sentenceTraces';
import { heatmapSeries } from '../src/viz/heatmapLayout';
import { chromiumPath } from './chromium-path.mjs';
import { cliArgs } from './cli';

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
      const traces = fullTraces([cell], tokens)[0]!;
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
  // tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
  await page.addInitScript('window.__name = (f) => f;');
  const words = Array.from({ length: T }, (_, k) => `w${k}`).join(' ');
  // ?debug=1 installs window.__gatescope (src/debugHook.ts): the store and a random-model maker.
  await page.goto(`${url}?debug=1&view=heatmap&text=${encodeURIComponent(words)}`);
  await page.locator('.hm-surface canvas').first().waitFor();
  console.log(`Chromium ${browser.version()}: the app's heatmap view, ${T} tokens, a random hidden-${HIDDEN} model (input ${EMBED})`);
  console.log('  from setModel to the second frame after it (painted): full trace in the page + React + every canvas; median of 5');
  for (const kind of CELL_KINDS) {
    const runs: number[] = [];
    let canvases = 0;
    for (let rep = 0; rep < 5; rep++) {
      const r = await page.evaluate(
        async ({ kind, H, E, seed }) => {
          const g = (window as unknown as { __gatescope: { store: { getState: () => { setModel: (m: unknown) => void } }; randomModel: (...a: unknown[]) => unknown } }).__gatescope;
          const model = g.randomModel(kind, E, H, seed);
          const t0 = performance.now();
          g.store.getState().setModel(model);
          await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
          return { ms: performance.now() - t0, canvases: document.querySelectorAll('.hm-surface canvas').length };
        },
        { kind, H: HIDDEN, E: EMBED, seed: 100 + rep },
      );
      runs.push(r.ms);
      canvases = r.canvases;
    }
    console.log(`  ${kind.padEnd(9)} ${median(runs).toFixed(1)} ms  (${canvases} heatmaps on canvas)`);
  }
  const step = await page.evaluate(async () => {
    const btn = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Step forward'))!;
    const t0 = performance.now();
    btn.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
  console.log(`  one step forward (the column outline moves, no repaint): ${step.toFixed(1)} ms`);
  await browser.close();
}

const url = cliArgs({
  script: 'bench-heatmap.ts',
  usage: `
usage: npx tsx scripts/bench-heatmap.ts [URL]
The whole-sentence views' cost at 200 tokens: the trace and heatmap series in Node, and with URL
(a preview of GATESCOPE_DEBUG_BUILD=1 npx vite build) the heatmap view in Chromium. Figures only.`,
  positionals: 1,
}).positionals[0];
nodePart();
if (url) await browserPart(url);
else console.log('(pass the preview URL, e.g. http://127.0.0.1:4339/, for the Chromium figures)');
