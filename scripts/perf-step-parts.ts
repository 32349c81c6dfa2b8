/**
 * Where a step's time goes, as figures (no assertions): for each case, a Chrome trace of steps
 * ("Step forward", as scripts/perf-diagram.ts clicks it) split into the main thread's phases in the
 * step's own frame (click → painted): script, style, layout, paint, the compositing steps after it,
 * and garbage collection; then the work the values table does after that frame, when it is shown;
 * and what a step writes into the figure's DOM (a MutationObserver's count of each kind of write).
 *
 *   GATESCOPE_DEBUG_BUILD=1 npx vite build && npx tsx scripts/perf-step-parts.ts
 *
 * perf-diagram.ts says how long a step takes; this says what it is made of, so that a change can
 * aim at the largest part. Tracing slows everything down (script most), so compare these figures
 * with each other, not with perf-diagram's. Service workers are blocked: their first install
 * would run beside the steps (main.tsx). Port 4350 (GATESCOPE_PERF_PORT).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './chromium-path.mjs';
import { cliArgs } from './cli';

cliArgs({
  script: 'perf-step-parts.ts',
  usage: `
usage: GATESCOPE_DEBUG_BUILD=1 npx vite build && npx tsx scripts/perf-step-parts.ts
Where a step's time goes (script, style, layout, paint, …) from a Chrome trace: figures only.
GATESCOPE_PERF_PORT sets the preview server's port.`,
});

const PORT = Number(process.env.GATESCOPE_PERF_PORT ?? 4350);
const WARM = 20;
const TRACED = 40;
const TEXT = Array.from({ length: WARM + TRACED + 20 }, (_, k) => `word${k}`).join(' ');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { name?: string; beginData?: { dirtyObjects?: number }; elementCount?: number };
}

/** The phases, by the trace events that are them (devtools.timeline names). */
const PHASES: Record<string, readonly string[]> = {
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  prepaint: ['PrePaint'],
  paint: ['Paint'],
  'layerize+commit': ['Layerize', 'Commit'],
  gc: ['MinorGC', 'MajorGC'],
};
/** Events that run page script; the phases nested in them (a forced layout, a GC) are not script. */
const SCRIPT = new Set(['EventDispatch', 'FunctionCall', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks']);
const PHASE_OF = new Map(Object.entries(PHASES).flatMap(([phase, names]) => names.map((n) => [n, phase] as const)));

interface Case {
  readonly name: string;
  readonly hidden: number;
  readonly view: 'cell' | 'heatmap';
  /** The values table scrolled to and showing every unit. */
  readonly all: boolean;
  /** Steps per second (the default's otherwise): it sets how long a step's stage sequence lasts. */
  readonly speed?: number;
}

const CASES: readonly Case[] = [
  { name: 'H = 6, cell tab', hidden: 6, view: 'cell', all: false },
  { name: 'H = 128, cell tab', hidden: 128, view: 'cell', all: false },
  { name: 'H = 128, cell tab, table at all units', hidden: 128, view: 'cell', all: true },
  { name: 'H = 128, cell tab, at 30 steps/s (as when playing fast)', hidden: 128, view: 'cell', all: false, speed: 30 },
  { name: 'H = 128, heatmap tab', hidden: 128, view: 'heatmap', all: false },
];

async function open(browser: Browser, c: Case): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'no-preference', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(`http://127.0.0.1:${PORT}/?debug=1&text=${encodeURIComponent(TEXT)}`);
  await page.waitForSelector('svg.diagram');
  await page.evaluate(
    ([h, view, speed]) => {
      const g = (window as unknown as { __gatescope: { store: { getState: () => any }; randomModel: (...a: unknown[]) => unknown } }).__gatescope;
      if (h !== 6) g.store.getState().setModel(g.randomModel('lstm', 8, h, 7));
      if (speed) g.store.getState().setSpeed(speed);
      g.store.getState().setView(view);
      g.store.getState().goTo(0);
    },
    [c.hidden, c.view, c.speed ?? 0] as const,
  );
  if (c.all) {
    await page.locator('.values-wrap').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: /^Show all \d+ units$/ }).click();
  }
  await page.getByRole('button', { name: 'Step forward' }).evaluate((el) => el.setAttribute('data-perf', 'step'));
  return page;
}

/** `n` steps, each marked s<k> (click), p<k> (its frame painted), e<k> (the table caught up). */
async function steps(page: Page, from: number, n: number, table: boolean) {
  await page.evaluate(
    async ([from, n, table]) => {
      const btn = document.querySelector<HTMLButtonElement>('button[data-perf="step"]')!;
      const afterPaint = () =>
        new Promise<void>((res) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => res();
            ch.port2.postMessage(0);
          }),
        );
      for (let k = from; k < from + n; k++) {
        const painted = afterPaint();
        performance.mark(`s${k}`);
        btn.click();
        await painted;
        performance.mark(`p${k}`);
        const wrap = document.querySelector('.values-wrap');
        for (let f = 0; table && wrap && f < 60 && wrap.hasAttribute('data-stale'); f++) await afterPaint();
        performance.mark(`e${k}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    [from, n, table] as const,
  );
}

/** What a step writes into the figure (both svgs), per step, over `n` steps. */
async function figureWrites(page: Page, n: number): Promise<[string, number][]> {
  return page.evaluate(async (n) => {
    const counts = new Map<string, number>();
    const obs = new MutationObserver((list) => {
      for (const m of list) {
        const el = (m.target.nodeType === 1 ? m.target : m.target.parentElement) as Element | null;
        if (!el?.closest('svg.diagram, svg.belt-equation')) continue;
        const k = m.type === 'attributes' ? `${el.tagName} ${m.attributeName}` : m.type === 'characterData' ? `${el.tagName} text` : `${el.tagName} children`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    });
    obs.observe(document.body, { subtree: true, attributes: true, characterData: true, childList: true });
    const btn = document.querySelector<HTMLButtonElement>('button[data-perf="step"]')!;
    for (let k = 0; k < n; k++) {
      btn.click();
      await new Promise((r) => setTimeout(r, 30));
    }
    obs.disconnect();
    return [...counts.entries()].map(([k, v]) => [k, v / n] as [string, number]).sort((a, b) => b[1] - a[1]);
  }, n);
}

type Parts = Record<string, number>;

/** Per step, the main thread's time by phase in [from, to) windows given by the marks. */
function split(events: readonly TraceEvent[], windows: readonly (readonly [number, number])[]): Parts {
  const parts: Parts = { script: 0, ...Object.fromEntries(Object.keys(PHASES).map((p) => [p, 0])), wall: 0 };
  for (const [from, to] of windows) {
    parts.wall! += (to - from) / 1000;
    const inside = events.filter((e) => e.ph === 'X' && e.ts >= from && e.ts < to);
    // Events nest (a script's forced layout, a paint inside a paint): each phase counts only its
    // outermost events, and script does not count the phases run inside it.
    const end = new Map<string, number>();
    for (const e of inside) {
      const phase = PHASE_OF.get(e.name) ?? (SCRIPT.has(e.name) ? 'script' : null);
      if (!phase || e.ts < (end.get(phase) ?? -1)) continue;
      const ms = (e.dur ?? 0) / 1000;
      parts[phase]! += ms;
      end.set(phase, e.ts + (e.dur ?? 0));
      if (phase !== 'script' && e.ts < (end.get('script') ?? -1)) parts.script! -= ms;
    }
  }
  for (const k of Object.keys(parts)) parts[k] = parts[k]! / windows.length;
  return parts;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

async function measure(browser: Browser, c: Case, dir: string) {
  const page = await open(browser, c);
  await steps(page, 0, WARM, c.all);
  const file = join(dir, 'trace.json');
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8'] });
  await steps(page, WARM, TRACED, c.all);
  await browser.stopTracing();
  const writes = c.view === 'cell' ? await figureWrites(page, 20) : [];
  await page.context().close();
  const all = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = new Map(all.filter((e) => e.cat?.includes('blink.user_timing') && /^[spe]\d+$/.test(e.name)).map((e) => [e.name, e.ts]));
  // The renderer's main thread: the one the marks are on.
  const anchor = all.find((e) => e.name === `s${WARM}`)!;
  // By start, the outer of two events that start together first.
  const main = all.filter((e) => e.pid === anchor.pid && e.tid === anchor.tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const ks = Array.from({ length: TRACED }, (_, j) => WARM + j).filter((k) => marks.has(`s${k}`) && marks.has(`p${k}`) && marks.has(`e${k}`));
  const frame = split(
    main,
    ks.map((k) => [marks.get(`s${k}`)!, marks.get(`p${k}`)!] as const),
  );
  const after = c.all
    ? split(
        main,
        ks.map((k) => [marks.get(`p${k}`)!, marks.get(`e${k}`)!] as const),
      )
    : null;
  const inFrames = (name: string) => main.filter((e) => e.name === name && ks.some((k) => e.ts >= marks.get(`s${k}`)! && e.ts < marks.get(`p${k}`)!));
  const dirty = median(inFrames('Layout').map((e) => e.args?.beginData?.dirtyObjects ?? 0));
  const restyled = median(inFrames('UpdateLayoutTree').map((e) => e.args?.elementCount ?? 0));
  return { frame, after, dirty, restyled, writes, steps: ks.length };
}

const row = (p: Parts) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');

async function main() {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  let exited = false;
  server.on('exit', () => (exited = true));
  const dir = mkdtempSync(join(tmpdir(), 'gatescope-parts-'));
  try {
    await new Promise((r) => setTimeout(r, 1500));
    if (exited) throw new Error(`vite preview could not start on port ${PORT} (in use?); set GATESCOPE_PERF_PORT`);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
    console.log(`Per step, ms of the main thread (traced, so slower than untraced), over ${TRACED} steps after ${WARM} untraced ones, one page load per case:`);
    for (const c of CASES) {
      const r = await measure(browser, c, dir);
      console.log(`${c.name} (${r.steps} steps):`);
      console.log(`  the step's frame (click → painted): ${row(r.frame)}; layout: ${r.dirty} objects dirty (median), style: ${r.restyled} elements (median)`);
      if (r.after) console.log(`  after it, until the values table shows the step: ${row(r.after)}`);
      if (r.writes.length)
        console.log(
          `  writes into the figure per step: ${r.writes
            .slice(0, 10)
            .map(([k, v]) => `${k} ${v.toFixed(0)}`)
            .join(', ')}`,
        );
    }
    await browser.close();
    console.log(
      `(load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${cpus().length} CPUs)`,
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
