/**
 * What the service worker's first install costs a reader who is stepping through a sentence at
 * that moment, for one or more served builds side by side (figures, no assertions). Each run is a
 * fresh context (no worker yet) that loads the page and clicks "Step forward" 20–37 ms apart (a
 * held arrow key) with frames drawn continuously, from the load until 3 s after the worker took
 * over the page. The store never rests, so main.tsx registers the worker at its 30 s limit. A
 * step drops frames when the frame that paints it and the ones either side span more than two
 * ticks of the display (as in perf-diagram.ts). The figures: the share of steps that dropped a
 * frame before the registration, during the install (registration → the worker controls the
 * page), and after, and how long the install took.
 *
 *   GATESCOPE_DEBUG_BUILD=1 npx vite build --outDir /tmp/a && npx vite preview --outDir /tmp/a --port 4391 &
 *   npx tsx scripts/perf-sw-install.ts http://127.0.0.1:4391/ [http://127.0.0.1:4392/ …] [--runs 3]
 *
 * The builds run in turns (a, b, a, b …), so that a slower hour of the machine falls on both.
 */
import { chromium } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';
import { urlsAndRuns } from './urlArgs';

const { urls, runs: RUNS } = urlsAndRuns('perf-sw-install.ts', 3);
const TEXT = Array.from({ length: 120 }, (_, k) => `word${k}`).join(' ');

interface Run {
  readonly before: [number, number];
  readonly during: [number, number];
  readonly after: [number, number];
  readonly installMs: number;
}

// Runs in the page: the registration is timed by wrapping register(); the end is controllerchange.
const RECORD_REGISTER = `
  window.__name = (f) => f;
  if (navigator.serviceWorker) {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...a) => { window.__swStart = performance.now(); return register(...a); };
    navigator.serviceWorker.addEventListener('controllerchange', () => { window.__swEnd = performance.now(); });
  }
`;

async function once(url: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    await page.addInitScript(RECORD_REGISTER);
    await page.goto(`${url}?debug=1&text=${encodeURIComponent(TEXT)}`);
    await page.waitForSelector('svg.diagram');
    return await page.evaluate(async () => {
      const w = window as unknown as { __swStart?: number; __swEnd?: number; __gatescope: { store: { getState: () => any } } };
      const store = w.__gatescope.store;
      const btn = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Step forward'))!;
      const begun: number[] = [];
      let on = true;
      const loop = (ts: number) => {
        begun.push(ts);
        if (on) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      const clicks: number[] = [];
      const started = performance.now();
      // At most 60 s: a worker that never takes over is reported as such (installMs NaN).
      while (performance.now() - started < 60_000 && !(w.__swEnd && performance.now() > w.__swEnd + 3000)) {
        const s = store.getState();
        if (s.t >= s.tokens.length - 1) s.goTo(0);
        else {
          clicks.push(performance.now());
          btn.click();
        }
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 17));
      }
      await new Promise((r) => setTimeout(r, 100));
      on = false;
      const start = w.__swStart ?? Number.POSITIVE_INFINITY;
      const end = w.__swEnd ?? Number.POSITIVE_INFINITY;
      const tally = { before: [0, 0] as [number, number], during: [0, 0] as [number, number], after: [0, 0] as [number, number] };
      for (const t0 of clicks) {
        const k = begun.findIndex((ts) => ts > t0);
        if (k < 1 || k + 1 >= begun.length) continue;
        const dropped = Math.round((begun[k + 1]! - begun[k - 1]!) / (1000 / 60)) - 2 > 0;
        const part = t0 < start ? tally.before : t0 < end ? tally.during : tally.after;
        part[0] += dropped ? 1 : 0;
        part[1] += 1;
      }
      return { ...tally, installMs: end - start };
    });
  } finally {
    await browser.close();
  }
}

const share = ([d, n]: [number, number]) => (n ? `${d} of ${n} (${((100 * d) / n).toFixed(0)}%)` : '—');
const results = new Map<string, Run[]>(urls.map((u) => [u, []]));
for (let r = 0; r < RUNS; r++)
  for (const url of urls) {
    const run = await once(url);
    results.get(url)!.push(run);
    console.log(
      `${url} run ${r + 1}: steps that dropped a frame before the registration ${share(run.before)}, during the install ${share(run.during)}, after ${share(run.after)}; install ${run.installMs.toFixed(0)} ms`,
    );
  }
for (const [url, runs] of results) {
  const sum = (k: 'before' | 'during' | 'after') => runs.reduce<[number, number]>((a, r) => [a[0] + r[k][0], a[1] + r[k][1]], [0, 0]);
  console.log(
    `${url}, ${runs.length} runs: before ${share(sum('before'))}, during the install ${share(sum('during'))}, after ${share(sum('after'))}; install ${runs.map((r) => r.installMs.toFixed(0)).join(', ')} ms`,
  );
}
