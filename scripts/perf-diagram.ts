/**
 * Measures the cell diagram's cost, as figures (no assertions): click on "Step forward" to the
 * next painted frame and the main thread's work in it (p50/p95 over 100 steps per page load, in
 * GATESCOPE_PERF_ROUNDS loads), at the demo size (hidden 6), with a random hidden-128 LSTM
 * (also with the values table showing all 128 units, and when that table shows the step), and at
 * hidden 512 in every view that steps the page's model (cell, unrolled, heatmap, gradient); long
 * tasks (> 50 ms) while playing at full speed; and, with frames drawn continuously, how many steps
 * dropped a frame (stepFrames). Each round first measures the same clicks on a page whose step
 * changes one number: the floor of this browser and machine, which the page's figures sit on.
 *
 *   GATESCOPE_DEBUG_BUILD=1 npx vite build && npx tsx scripts/perf-diagram.ts
 *
 * Serves dist/ with `vite preview` on port 4349 (GATESCOPE_PERF_PORT) and opens it with
 * ?debug=1, which installs window.__gatescope (src/debugHook.ts) so a big model can be loaded.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';
import { cliArgs } from './cli';

cliArgs({
  script: 'perf-diagram.ts',
  usage: `
usage: GATESCOPE_DEBUG_BUILD=1 npx vite build && npx tsx scripts/perf-diagram.ts
The cell diagram's cost per step (p50/p95), long tasks while playing, and dropped frames: figures only.
Environment: GATESCOPE_PERF_ROUNDS (page loads), GATESCOPE_PERF_PORT, GATESCOPE_PERF_ONLY,
GATESCOPE_PERF_MOTION, GATESCOPE_PERF_SW.`,
});

const PORT = Number(process.env.GATESCOPE_PERF_PORT ?? 4349);
/**
 * Fresh page loads, each running every case: a p95 of one run moves by several ms from run to
 * run on a 2-core machine (GC, the other core's work), so the figures pool the rounds and give
 * each round's p95 too, to show the spread.
 */
const ROUNDS = Math.max(1, Number(process.env.GATESCOPE_PERF_ROUNDS ?? 3));
const STEPS = 100;
/** GATESCOPE_PERF_MOTION=reduce measures the page as a reader who asks for reduced motion sees it. */
const MOTION = process.env.GATESCOPE_PERF_MOTION === 'reduce' ? 'reduce' : 'no-preference';
/** GATESCOPE_PERF_ONLY=128:cell+all,6:cell runs only those cases (hidden:view), for quick A/B pairs. */
const ONLY = process.env.GATESCOPE_PERF_ONLY ?? '';
/**
 * Service workers are blocked unless GATESCOPE_PERF_SW=allow: the first install registers at the
 * latest 30 s after the load (main.tsx), in the middle of whichever case runs then, and on 2 cores
 * made a quarter of that case's steps drop a frame. A reader meets it once per build, not at
 * every step; with it allowed, these figures are a first visit's.
 */
const SERVICE_WORKERS = process.env.GATESCOPE_PERF_SW === 'allow' ? 'allow' : 'block';
/**
 * The first steps after a load or a model change also pay for compiling and first-time code
 * paths; the figures are given over all steps and over the steps after these, so that a slow
 * start and a slow steady state can be told apart.
 */
const WARM = 20;
const TEXT = Array.from({ length: STEPS + 20 }, (_, k) => `word${k}`).join(' ');

async function waitForServer(url: string) {
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Per step, two figures. `latency`: click → the message posted from the next frame's rAF, which
 * runs after that frame's paint; it includes the wait for the frame (up to 16.7 ms at 60 Hz).
 * `work`: the main thread's share of it, without that wait: the click's script (up to the
 * microtask after it, where React renders a discrete event's update) plus the frame from its
 * first rAF callback to after its paint (other rAF callbacks, style, layout, paint). Our rAF is
 * requested before the click so it runs first in that frame.
 */
async function stepLatencies(page: Page, table: boolean): Promise<{ latency: number[]; work: number[]; tableLatency: number[] }> {
  await page.getByRole('button', { name: 'Step forward' }).evaluate((el) => el.setAttribute('data-perf', 'step'));
  return page.evaluate(
    async ([n, table]) => {
      const btn = document.querySelector<HTMLButtonElement>('button[data-perf="step"]')!;
      const latency: number[] = [];
      const work: number[] = [];
      const tableLatency: number[] = [];
      const afterPaint = () =>
        new Promise<number>((res) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => res(performance.now());
            ch.port2.postMessage(0);
          }),
        );
      for (let k = 0; k < n; k++) {
        let frameStart = 0;
        const painted = new Promise<number>((res) =>
          requestAnimationFrame(() => {
            frameStart = performance.now();
            const ch = new MessageChannel();
            ch.port1.onmessage = () => res(performance.now());
            ch.port2.postMessage(0);
          }),
        );
        const t0 = performance.now();
        btn.click();
        await new Promise<void>((r) => queueMicrotask(r));
        const scriptEnd = performance.now();
        const t1 = await painted;
        latency.push(t1 - t0);
        // If the frame began before the click's script ended (it cannot, the main thread is one),
        // count from the script's end so nothing is counted twice.
        work.push(scriptEnd - t0 + (t1 - Math.max(frameStart, scriptEnd)));
        // The values table follows a paint behind (ValuesTable.tsx): when it shows the step, painted.
        if (table) {
          const wrap = document.querySelector('.values-wrap')!;
          let t2 = t1;
          // At most a second of frames: a table that never catches up is reported, not waited for.
          for (let f = 0; f < 60 && wrap.hasAttribute('data-stale'); f++) t2 = await afterPaint();
          if (wrap.hasAttribute('data-stale')) throw new Error(`the values table did not catch up with step ${k + 1} within 60 frames`);
          tableLatency.push(t2 - t0);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return { latency, work, tableLatency };
    },
    [STEPS, table] as const,
  );
}

/**
 * Per step, whether it cost the reader a frame: with frames drawn continuously (a rAF loop, as
 * while the stage sequence or playback animates), the frame that paints a step (the first to begin
 * after the click) and the one before it should be 16.7 ms apart, and so should it and the next.
 * A step "drops" frames when those two intervals together span more than two ticks of the display:
 * its click's script delayed the frame, or the frame ran past its budget. The clicks land at
 * random phases of the frame (20–37 ms apart), as a held arrow key's do.
 * `latency` is click → that frame painted: it includes the wait for the frame to begin (0–16.7 ms),
 * which is why this, and not latency, says whether a step fits its frame.
 */
async function stepFrames(page: Page): Promise<{ dropped: number[]; latency: number[]; long: string[] }> {
  await page.getByRole('button', { name: 'Step forward' }).evaluate((el) => el.setAttribute('data-perf', 'step'));
  return page.evaluate(async (n) => {
    const btn = document.querySelector<HTMLButtonElement>('button[data-perf="step"]')!;
    const begun: number[] = [];
    const painted: number[] = [];
    let on = true;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => painted.push(performance.now());
    const loop = (ts: number) => {
      begun.push(ts);
      ch.port2.postMessage(0);
      if (on) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    // Frames over 50 ms, with what ran in them (Chromium's long-animation-frame entries), so that
    // a case whose steps drop frames says where the time went.
    const long: string[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts?: { invoker: string; duration: number }[] })[]) {
        const scripts = (e.scripts ?? [])
          .filter((x) => x.duration >= 5)
          .map((x) => `${x.invoker} ${x.duration.toFixed(0)}`)
          .join(', ');
        const render = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
        long.push(`${e.duration.toFixed(0)} ms (rendering ${render.toFixed(0)}${scripts ? `; ${scripts}` : ''})`);
      }
    });
    try {
      obs.observe({ type: 'long-animation-frame' });
    } catch {
      /* not in this browser */
    }
    await new Promise((r) => setTimeout(r, 200));
    const clicks: number[] = [];
    for (let k = 0; k < n; k++) {
      clicks.push(performance.now());
      btn.click();
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 17));
    }
    await new Promise((r) => setTimeout(r, 100));
    on = false;
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    const dropped: number[] = [];
    const latency: number[] = [];
    for (const t0 of clicks) {
      const k = begun.findIndex((ts) => ts > t0);
      if (k < 1 || k + 1 >= begun.length) continue;
      // rAF's timestamp is the frame's begin time, on the display's 60 Hz ticks: no drop is 2 ticks.
      dropped.push(Math.max(0, Math.round((begun[k + 1]! - begun[k - 1]!) / (1000 / 60)) - 2));
      latency.push(painted[k]! - t0);
    }
    return { dropped, latency, long };
  }, STEPS);
}

async function longTasksDuringPlay(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const g = (window as unknown as { __gatescope: { store: { getState: () => any } } }).__gatescope;
    const durations: number[] = [];
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
    obs.observe({ type: 'longtask' });
    // The speed is put back after: it sets how long a step's stage sequence lasts, so leaving it
    // at 30 steps/s would time every later case at a speed the reader did not choose.
    const speed = g.store.getState().speed;
    g.store.getState().goTo(0);
    g.store.getState().setSpeed(30);
    g.store.getState().play();
    while (g.store.getState().playing) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 200));
    obs.disconnect();
    g.store.getState().setSpeed(speed);
    return durations;
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  // vite itself (not through npx) so that kill() stops the server; strictPort so that we never
  // measure some other server that already holds the port.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  let exited = false;
  server.on('exit', () => (exited = true));
  try {
    await new Promise((r) => setTimeout(r, 1000));
    if (exited) throw new Error(`vite preview could not start on port ${PORT} (in use?); set GATESCOPE_PERF_PORT`);
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    type Case = { lat: number[]; work: number[]; steady: number[]; roundP95: number[]; long: number[]; table: number[]; dropped: number[]; running: number[] };
    const cases = new Map<string, Case>();
    const longFrames = new Map<string, string[]>();
    const add = (key: string, part: Partial<Case>) => {
      const c = cases.get(key) ?? { lat: [], work: [], steady: [], roundP95: [], long: [], table: [], dropped: [], running: [] };
      for (const [k, xs] of Object.entries(part) as [keyof Case, number[]][]) c[k].push(...xs);
      cases.set(key, c);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // The floor: the same clicks on a page whose step changes one number. What any page would
      // measure here, in this browser on this machine, next to what ours does.
      const floor = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await floor.setContent('<button type="button">Step forward</button> <output>0</output>');
      await floor.evaluate('window.__name = (f) => f;');
      await floor.evaluate(() => {
        const out = document.querySelector('output')!;
        document.querySelector('button')!.addEventListener('click', () => (out.textContent = String(Number(out.textContent) + 1)));
      });
      const f = await stepLatencies(floor, false);
      const ff = await stepFrames(floor);
      add('a page whose step changes one number (the floor)', {
        lat: f.latency,
        work: f.work,
        steady: f.latency.slice(WARM),
        roundP95: [pct(f.latency.slice(WARM), 95)],
        dropped: ff.dropped,
        running: ff.latency,
      });
      await floor.close();
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: MOTION, serviceWorkers: SERVICE_WORKERS });
      // tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(`http://127.0.0.1:${PORT}/?debug=1&text=${encodeURIComponent(TEXT)}`);
      await page.waitForSelector('svg.diagram');
      // The same steps with the (still empty) heatmap tab open give the rest of the page's share.
      for (const hidden of [6, 128, 512]) {
        if (hidden !== 6)
          await page.evaluate((h) => {
            const g = (window as unknown as { __gatescope: { store: { getState: () => any }; randomModel: (...a: unknown[]) => unknown } }).__gatescope;
            g.store.getState().setModel(g.randomModel('lstm', 8, h, 7));
          }, hidden);
        // "cell+all": the cell tab with the values table showing every unit (its "Show all" toggle),
        // the table's largest cost, which a reader can still ask for.
        // At hidden 512 every view that steps the page's model (issue "light, smooth and sturdy").
        const views = hidden >= 512 ? ['cell', 'unrolled', 'heatmap', 'gradient', 'cell+all'] : hidden > 8 ? ['cell', 'heatmap', 'cell+all'] : ['cell', 'heatmap'];
        for (const view of views) {
          if (ONLY && !ONLY.split(',').includes(`${hidden}:${view}`)) continue;
          await page.evaluate((v) => {
            const s = (window as unknown as { __gatescope: { store: { getState: () => any } } }).__gatescope.store.getState();
            s.setView(v === 'cell+all' ? 'cell' : v);
            s.goTo(0);
          }, view);
          // Off screen the table waits for the reader (useNearViewport): this one is scrolled to.
          if (view === 'cell+all') {
            await page.locator('.values-wrap').scrollIntoViewIfNeeded();
            const all = page.getByRole('button', { name: /^Show all \d+ units$/ });
            if (await all.count()) await all.click();
          } else await page.evaluate(() => window.scrollTo(0, 0));
          const { latency, work, tableLatency } = await stepLatencies(page, view === 'cell+all');
          const long = await longTasksDuringPlay(page);
          await page.evaluate(() => (window as unknown as { __gatescope: { store: { getState: () => any } } }).__gatescope.store.getState().goTo(0));
          const frames = await stepFrames(page);
          add(`LSTM hidden ${hidden}, ${view} tab`, {
            lat: latency,
            work,
            steady: latency.slice(WARM),
            roundP95: [pct(latency.slice(WARM), 95)],
            long,
            table: tableLatency,
            dropped: frames.dropped,
            running: frames.latency,
          });
          longFrames.set(`LSTM hidden ${hidden}, ${view} tab`, [...(longFrames.get(`LSTM hidden ${hidden}, ${view} tab`) ?? []), ...frames.long]);
        }
      }
      await page.close();
    }
    console.log(`${ROUNDS} page loads (GATESCOPE_PERF_ROUNDS) × ${STEPS} steps per case, motion: ${MOTION} (GATESCOPE_PERF_MOTION), service workers: ${SERVICE_WORKERS} (GATESCOPE_PERF_SW):`);
    for (const [key, c] of cases)
      console.log(
        `${key}: step→paint p50 ${fmt(pct(c.lat, 50))}, p95 ${fmt(pct(c.lat, 95))}, max ${fmt(Math.max(...c.lat))}; work per step p50 ${fmt(pct(c.work, 50))}, p95 ${fmt(pct(c.work, 95))}; ` +
          `after the first ${WARM} steps of each load: step→paint p95 ${fmt(pct(c.steady, 95))} (per load: ${c.roundP95.map((x) => x.toFixed(1)).join(', ')}); ` +
          (key.startsWith('a page') ? 'not played' : `play at 30 steps/s: ${c.long.length} long tasks${c.long.length ? `, longest ${fmt(Math.max(...c.long))}` : ''}`) +
          (c.table.length ? `; the table shows the step, painted: p50 ${fmt(pct(c.table, 50))}, p95 ${fmt(pct(c.table, 95))}` : '') +
          `; with frames drawn continuously: ${c.dropped.filter((d) => d > 0).length} of ${c.dropped.length} steps dropped a frame (${c.dropped.reduce((a, d) => a + d, 0)} frames), ` +
          `step→paint p50 ${fmt(pct(c.running, 50))}, p95 ${fmt(pct(c.running, 95))}` +
          ((f) =>
            f.length
              ? `; frames over 50 ms then: ${f.length}, the longest ${[...f]
                  .sort((x, y) => Number.parseFloat(y) - Number.parseFloat(x))
                  .slice(0, 3)
                  .join(' | ')}`
              : '')(longFrames.get(key) ?? []),
      );
    console.log(
      `(load average while measuring: ${(await import('node:os'))
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${(await import('node:os')).cpus().length} CPUs)`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
