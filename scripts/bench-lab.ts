/**
 * The training lab's speed, part of `npm run bench`: sequences per second of memory training at
 * gap 30, hidden 12, for the RNN and the LSTM, in Node and in the lab's Web Worker (Debian's
 * Chromium, the production build), side by side; then the app itself on its default link
 * (`?view=train&autostart=1`): how long the LSTM takes to pass 95% held-out accuracy, where the
 * RNN is then, and the main thread's long tasks meanwhile. Prints figures, asserts nothing.
 *
 * Method: both runs train in turns (as in the lab); each run's rate is its examples divided by the
 * time spent in its own training steps (LabHost's busyMs), over DURATION_MS after a warm-up.
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { LAB_DEFAULTS, type LabSettings } from '../src/train/labSettings';
import { LabHost } from '../src/train/labHost';
import type { LabEvent, RunProgress } from '../src/train/labProtocol';
import { withBuiltSite } from './built-site';
import { cliArgs } from './cli';

cliArgs({
  script: 'bench-lab.ts',
  usage: `
usage: npx tsx scripts/bench-lab.ts   (part of npm run bench)
The lab's sequences per second in Node and in its Web Worker (production build, Chromium), then
how long the app's default lab link takes to pass 95% held-out accuracy: figures only.`,
});

const DURATION_MS = 8000;
const WARMUP_MS = 1500;
const SETTINGS: LabSettings = { ...LAB_DEFAULTS, gap: 30, hidden: 12 };

interface Rate {
  readonly kind: string;
  readonly perSecond: number;
  readonly seen: number;
}

/** Per-run rates between two progress snapshots (after the warm-up, at the end). */
function rates(a: readonly RunProgress[], b: readonly RunProgress[]): Rate[] {
  return b.map((r, k) => ({ kind: r.kind, seen: r.seen - a[k]!.seen, perSecond: ((r.seen - a[k]!.seen) * 1000) / Math.max(1e-9, r.busyMs - a[k]!.busyMs) }));
}

async function inNode(): Promise<Rate[]> {
  let last: RunProgress[] = [];
  const host = new LabHost((e: LabEvent) => e.type === 'progress' && (last = [...e.runs]), { now: () => performance.now(), defer: (fn) => setImmediate(fn) });
  host.handle({ type: 'reset', settings: SETTINGS });
  host.handle({ type: 'start' });
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const a = last;
  await new Promise((r) => setTimeout(r, DURATION_MS));
  host.handle({ type: 'pause' });
  return rates(a, last);
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(`\ntraining lab: memory task, gap ${SETTINGS.gap}, hidden ${SETTINGS.hidden}, batch ${SETTINGS.batch}; ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores)`);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; both runs train in turns, as in the lab`,
  );
  const node = await inNode();

  await withBuiltSite(async ({ base, out, browser }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(base);
    const workerFile = readdirSync(join(out, 'assets')).find((f) => /^labWorker.*\.js$/.test(f));
    if (!workerFile) throw new Error('no labWorker chunk in the build');
    const worker = await page.evaluate(
      async ({ url, settings, warm, dur }) => {
        const w = new Worker(url, { type: 'module' });
        let last: unknown[] = [];
        w.onmessage = (e: MessageEvent<{ type: string; runs?: unknown[] }>) => {
          if (e.data.type === 'progress') last = e.data.runs!;
        };
        w.postMessage({ type: 'reset', settings });
        w.postMessage({ type: 'start' });
        await new Promise((r) => setTimeout(r, warm));
        const a = last;
        await new Promise((r) => setTimeout(r, dur));
        w.postMessage({ type: 'pause' });
        await new Promise((r) => setTimeout(r, 200));
        w.terminate();
        return { a, b: last };
      },
      { url: `${base}assets/${workerFile}`, settings: SETTINGS, warm: WARMUP_MS, dur: DURATION_MS },
    );
    const inWorker = rates(worker.a as RunProgress[], worker.b as RunProgress[]);
    console.log('\n  sequences/s     Node       Worker (Chromium)   Worker/Node');
    node.forEach((n, k) => {
      const w = inWorker[k]!;
      console.log(`  ${n.kind.padEnd(8)} ${n.perSecond.toFixed(0).padStart(10)} ${w.perSecond.toFixed(0).padStart(14)} ${(w.perSecond / n.perSecond).toFixed(2).padStart(17)}`);
    });
    console.log(`  (${DURATION_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up; Node ${process.version}, ${await browser.version()})`);

    // The app, as a student opens it: the default lab link, training from the first frame.
    const app = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await app.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await app.goto(`${base}?view=train&autostart=1`);
    const status = app.getByRole('status', { name: 'Training status' });
    await status.filter({ hasText: 'Training' }).waitFor();
    const t0 = Date.now();
    const before = await app.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
    const acc = async (k: number) => Number(((await app.getByTestId(`lab-run-${k}`).getByTestId('lab-heldout').textContent()) ?? '').replace(/[^\d.]/g, ''));
    const seen = async (k: number) => Number(((await app.getByTestId(`lab-run-${k}`).getByTestId('lab-seen').textContent()) ?? '').replace(/\D/g, ''));
    let passed: { seconds: number; seen: number; lstm: number; rnn: number } | null = null;
    while (Date.now() - t0 < 180_000) {
      const lstm = await acc(1);
      if (lstm >= 95) {
        passed = { seconds: (Date.now() - t0) / 1000, seen: await seen(1), lstm, rnn: await acc(0) };
        break;
      }
      await app.waitForTimeout(200);
    }
    const tasks = await app.evaluate((n) => (window as unknown as { longTasks: number[] }).longTasks.slice(n), before);
    console.log(`\n  the app (?view=train&autostart=1, ${SETTINGS.kinds.join(' vs ')}, gap ${SETTINGS.gap}, hidden ${SETTINGS.hidden}, keep-gate bias ${SETTINGS.keepBias}, lr ${SETTINGS.lr}):`);
    if (passed) console.log(`  LSTM passed 95% held-out accuracy after ${passed.seconds.toFixed(1)} s (${passed.seen.toLocaleString('en')} examples): LSTM ${passed.lstm}%, RNN ${passed.rnn}% then`);
    else console.log('  LSTM did not pass 95% held-out accuracy in 180 s');
    console.log(`  main-thread long tasks while training: ${tasks.length}${tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms` : ''} (a long task is > 50 ms)`);
  });
}

await main();
