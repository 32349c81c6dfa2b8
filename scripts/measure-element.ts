/**
 * The `<gate-scope>` element's figures (not a test; it asserts nothing):
 *   - the gzip size of dist/lib/gate-scope.js, of what it loads for a cell figure (its static
 *     imports), and of all its files (the lazy views, KaTeX, the workers), and of the plugin;
 *     and the app's first-load JavaScript counted the same way, beside it;
 *   - the time from navigation to the first element's figure drawn, on the plain example page
 *     (public/examples/element/index.html, three elements), medians of N cold loads.
 *
 *   npx vite build && (npx vite preview --port 4541 --strictPort --host 127.0.0.1 &)
 *   npx tsx scripts/measure-element.ts http://127.0.0.1:4541/ [--runs 7]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';
import { urlsAndRuns } from './urlArgs';

const { urls, runs: RUNS } = urlsAndRuns('measure-element.ts', 7);
const LIB = 'dist/lib';
const gzIn = (dir: string, f: string) => gzipSync(readFileSync(join(dir, f))).length;
const gz = (f: string) => gzIn(LIB, f);
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

/** A module and everything it imports statically ("./chunks/x.js"), as the browser fetches them at once. */
function staticClosure(entry: string, root = LIB): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(/(?:import|from)\s*"\.\/([^"]+\.js)"/g)) todo.push(join(dir, m[1]!));
  }
  return [...seen];
}

const all = (readdirSync(LIB, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
const first = staticClosure('gate-scope.js');
console.log(`gate-scope.js alone: ${kib(gz('gate-scope.js'))} gzip`);
console.log(`gate-scope.js with its static imports (${first.length} files): ${kib(first.reduce((s, f) => s + gz(f), 0))} gzip`);
console.log(`every file of dist/lib (${all.length}: lazy views, KaTeX, workers, the plugin): ${kib(all.reduce((s, f) => s + gz(f), 0))} gzip`);
console.log(`reveal-gatescope.js: ${kib(gz('reveal-gatescope.js'))} gzip`);
// The app's first load, counted the same way, for comparison (it does not include any of the above).
const APP = 'dist/assets';
const appMain = readdirSync(APP).find((f) => /^main-.*\.js$/.test(f))!;
const app = staticClosure(appMain, APP);
console.log(`the app's ${appMain} with its static imports (${app.length} files): ${kib(app.reduce((s, f) => s + gzIn(APP, f), 0))} gzip`);

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
try {
  for (const url of urls) {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(new URL('examples/element/index.html', url).href);
      // The element's own promise: the model in, the step computed and the figure drawn.
      times.push(
        await page.evaluate(async () => {
          await customElements.whenDefined('gate-scope');
          await (document.querySelector('gate-scope') as HTMLElement & { whenDrawn(): Promise<void> }).whenDrawn();
          return performance.now();
        }),
      );
      await ctx.close();
    }
    console.log(`${url}: navigation → first figure drawn, median of ${RUNS} cold loads: ${Math.round(median(times))} ms (${times.map(Math.round).join(', ')})`);
  }
} finally {
  await browser.close();
}
