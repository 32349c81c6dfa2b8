/**
 * The first load's main-thread cost, for one or more served builds side by side (not a test; it
 * asserts nothing): for each URL, N cold loads in fresh contexts at 1350 × 940 (Lighthouse's
 * desktop size), and the medians of
 *   - total blocking time: the sum over long tasks of their time past 50 ms, in the first 2 s
 *     after the network settles (the browser's own longtask entries, no throttling);
 *   - the number of long tasks and the longest;
 *   - largest contentful paint.
 * Lighthouse (npm run measure) simulates and adds its own overhead; this is the plain figure.
 *
 *   npx vite build --outDir /tmp/a && (cd /tmp/a && python3 -m http.server 4391 &)
 *   npx tsx scripts/perf-load.ts http://127.0.0.1:4391/ [http://127.0.0.1:4392/ …] [--runs 7]
 */
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';
import { urlsAndRuns } from './urlArgs';

const { urls, runs: RUNS } = urlsAndRuns('perf-load.ts', 7);

interface Load {
  readonly tbt: number;
  readonly tasks: number;
  readonly longest: number;
  readonly lcp: number;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
try {
  // Interleaved, so that a busy moment of the machine falls on every build alike.
  const loads = new Map<string, Load[]>(urls.map((u) => [u, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const url of urls) {
      const ctx = await browser.newContext({ viewport: { width: 1350, height: 940 } });
      const page = await ctx.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.__long.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForTimeout(2000);
      const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((done) =>
            new PerformanceObserver((l) => {
              const e = l.getEntries();
              done(e[e.length - 1]!.startTime);
            }).observe({ type: 'largest-contentful-paint', buffered: true }),
          ),
      );
      loads.get(url)!.push({ tbt: long.reduce((s, d) => s + Math.max(0, d - 50), 0), tasks: long.length, longest: Math.max(0, ...long), lcp });
      await ctx.close();
    }
  }
  console.log(`First load, median of ${RUNS} cold loads each (1350 × 940, no throttling):`);
  for (const [url, ls] of loads) {
    const m = (k: keyof Load) => Math.round(median(ls.map((l) => l[k])));
    console.log(
      `  ${url.padEnd(28)} total blocking ${m('tbt')} ms, long tasks ${m('tasks')}, longest ${m('longest')} ms, LCP ${m('lcp')} ms   (blocking per load: ${ls.map((l) => Math.round(l.tbt)).join(' ')})`,
    );
  }
} finally {
  await browser.close();
}
