/**
 * Part of `npm run bench`: minGRU's parallel scan over T = 1024 steps against stepping the same
 * sequence, in Node and in a Web Worker in Debian's Chromium, the same code in both
 * (bench-scan-lib.ts). The Worker's module is served by a vite dev server started here on a free
 * port, from scripts/: a measuring page only, not part of the app or its build. Prints figures,
 * asserts nothing.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { measureScan, type ScanFigures } from './bench-scan-lib';
import { chromiumPath } from './chromium-path.mjs';
import { cliArgs } from './cli';

const { values } = cliArgs({
  script: 'bench-scan.ts',
  usage: `
usage: npx tsx scripts/bench-scan.ts [--T=1024] [--H=32]   (part of npm run bench)
minGRU over one sequence: the parallel scan against stepping, in Node and in a browser Worker:
figures only.`,
  options: { T: { type: 'string' }, H: { type: 'string' } },
});
const T = Number(values.T ?? 1024);
const H = Number(values.H ?? 32);

async function inWorker(): Promise<{ figures: ScanFigures; browser: string }> {
  const server = await createServer({ logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false }, optimizeDeps: { noDiscovery: true } });
  await server.listen();
  const base = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // Any page of the server's origin will do to start a module Worker from it; not the app's.
    await page.goto(`${base}scripts/bench-scan-worker.ts`);
    const figures = await page.evaluate(
      ({ url, T, H }) =>
        new Promise<ScanFigures>((resolve, reject) => {
          const w = new Worker(url, { type: 'module' });
          w.onmessage = (e: MessageEvent<ScanFigures>) => {
            resolve(e.data);
            w.terminate();
          };
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage({ T, H });
        }),
      { url: `${base}scripts/bench-scan-worker.ts`, T, H },
    );
    return { figures, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await server.close();
  }
}

const ms = ([med, min]: readonly [number, number]) => `${med.toFixed(2).padStart(8)} (${min.toFixed(2)})`.padEnd(20);
const ratio = (a: readonly [number, number], b: readonly [number, number]) => `${(a[0] / b[0]).toFixed(2)} (${(a[1] / b[1]).toFixed(2)})`;

function rows(where: string, f: ScanFigures): void {
  console.log(
    `  ${where.padEnd(34)} ${ms(f.stepMs)} ${ms(f.scanMs)} ${ratio(f.scanMs, f.stepMs).padEnd(14)} ${ms(f.recurrenceStepMs)} ${ms(f.recurrenceScanMs)} ${ratio(f.recurrenceScanMs, f.recurrenceStepMs).padEnd(14)} ${f.agree.toExponential(1)}  ${f.rounds}`,
  );
}

const cpu = cpus();
console.log(`\nminGRU, one sequence of T = ${T} steps, H = I = ${H}: the parallel scan against stepping; ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores)`);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (figures are noisy when this exceeds the core count)`,
);
const node = measureScan(T, H);
const worker = await inWorker();
console.log(`\n  ${''.padEnd(34)} ${'whole step (gates + h)'.padEnd(56)} recurrence alone, h = a ⊙ h + b`);
console.log(
  `  ${'ms per sequence: median (min)'.padEnd(34)} ${'stepped'.padEnd(20)} ${'scanned'.padEnd(20)} ${'scan/step'.padEnd(14)} ${'stepped'.padEnd(20)} ${'scanned'.padEnd(20)} ${'scan/step'.padEnd(14)} |Δh_T|   rounds`,
);
rows(`Node ${process.version}`, node);
rows(`Worker, ${worker.browser}`, worker.figures);
console.log(`  scanned: every step's (a, b) from x_t alone, then ⌈log₂ T⌉ = ${Math.ceil(Math.log2(T))} levels of the prefix scan (src/engine/scan.ts),`);
console.log("  on one thread; stepped: the engine's run (full trace), each step reading h_{t−1}. > 1: the scan is slower here;");
console.log("  its gain needs hardware that computes each level's positions at once (a GPU), which Gatescope does not use.");
