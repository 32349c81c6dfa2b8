/**
 * npm run measure: figures for the built site (not a test; it asserts nothing).
 *  1. JavaScript sizes after gzip: the entry chunk, and the lazy chunks (KaTeX, models, …).
 *  2. Time to first render in Chromium on `vite preview`: first contentful paint, and the moment
 *     the step status is on screen (the app is usable).
 *  3. Lighthouse performance and accessibility scores (desktop preset), on the same server.
 */
import { execSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.mjs';
import { cliArgs } from './cli';

cliArgs({
  script: 'measure-site.ts',
  usage: `
usage: npm run measure
The built site's gzip sizes, first render in Chromium and Lighthouse scores: figures only.
GATESCOPE_LIGHTHOUSE_RUNS sets how many Lighthouse runs are taken.`,
});

const PORT = 4399;
const URL_ = `http://127.0.0.1:${PORT}/`;
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'];

/** KiB (1024 bytes), so labelled: KB would mean 1000. */
function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function sizes() {
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const dir = 'dist/assets';
  let total = 0;
  console.log('\nJavaScript (gzip):');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const gz = gzipSync(readFileSync(join(dir, f))).length;
    // The example slide deck (reveal.js) is not part of the app a student loads.
    if (f.startsWith('deck-')) {
      console.log(`  ${f.padEnd(44)} ${kb(gz).padStart(10)}  (example deck, not loaded by the app)`);
      continue;
    }
    total += gz;
    console.log(`  ${f.padEnd(44)} ${kb(gz).padStart(10)}${f === entry ? '  <- entry (main chunk)' : ''}`);
  }
  const mainGz = entry ? gzipSync(readFileSync(join(dir, entry))).length : NaN;
  console.log(`  app total ${kb(total)} (target < 200 KB); main chunk ${kb(mainGz)} (target < 110 KB)`);
}

async function serve(): Promise<() => void> {
  const p = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  for (let k = 0; k < 100; k++) {
    try {
      if ((await fetch(URL_)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => process.kill(-p.pid!);
}

async function firstRender() {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let k = 0; k < 7; k++) {
    const page = await browser.newPage();
    await page.goto(URL_);
    // Ready: the step status is on screen and the opening model has loaded (while it loads, a
    // second status says "Loading …").
    await page
      .getByRole('status')
      .filter({ hasText: /^Step t = / })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Loading / })
      .waitFor({ state: 'detached' });
    const r = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ready: performance.now(),
    }));
    fcp.push(r.fcp);
    ready.push(r.ready);
    await page.close();
  }
  await browser.close();
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(`\nFirst render (Chromium, localhost, median of 7 cold page loads):`);
  console.log(`  first contentful paint ${med(fcp).toFixed(0)} ms; app ready (step status shown) ≤ ${med(ready).toFixed(0)} ms`);
}

/** Lighthouse's score moves by a few points from run to run on a 2-core machine: several runs, the median and the range. */
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.GATESCOPE_LIGHTHOUSE_RUNS ?? 5));

async function lighthouseScores() {
  const perf: number[] = [];
  const tbt: number[] = [];
  const lcp: number[] = [];
  let last: Awaited<ReturnType<typeof lighthouse>> | undefined;
  for (let k = 0; k < LIGHTHOUSE_RUNS; k++) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...FLAGS] });
    try {
      // Lighthouse's own desktop preset (what `lighthouse --preset=desktop` runs): its screen and
      // its desktop throttling (1× CPU, 40 ms RTT). Giving only formFactor and a screen, as this
      // script did until 2026-12-02, kept the default mobile throttling (4× CPU slowdown, slow 4G).
      last = await lighthouse(URL_, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, desktopConfig);
      const a = last?.lhr.audits;
      perf.push(Math.round((last?.lhr.categories.performance?.score ?? NaN) * 100));
      tbt.push(a?.['total-blocking-time']?.numericValue ?? NaN);
      lcp.push(a?.['largest-contentful-paint']?.numericValue ?? NaN);
    } finally {
      await chrome.kill();
    }
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const c = last?.lhr.categories;
  console.log(`\nLighthouse ${last?.lhr.lighthouseVersion} (desktop preset, simulated throttling), ${LIGHTHOUSE_RUNS} runs (GATESCOPE_LIGHTHOUSE_RUNS):`);
  console.log(
    `  performance median ${med(perf)} (${Math.min(...perf)}–${Math.max(...perf)}; runs: ${perf.join(', ')}), accessibility ${Math.round((c?.accessibility?.score ?? NaN) * 100)} (last run)`,
  );
  console.log(`  TBT median ${med(tbt).toFixed(0)} ms (${Math.min(...tbt).toFixed(0)}–${Math.max(...tbt).toFixed(0)}), LCP median ${(med(lcp) / 1000).toFixed(2)} s`);
  const a = last?.lhr.audits;
  // Lighthouse's measure of this machine's CPU speed: figures from machines whose index differs are not comparable.
  console.log(`  benchmarkIndex ${last?.lhr.environment.benchmarkIndex ?? '?'} (last run)`);
  if (a)
    console.log(
      `  last run: FCP ${a['first-contentful-paint']?.displayValue}, LCP ${a['largest-contentful-paint']?.displayValue}, TBT ${a['total-blocking-time']?.displayValue}, CLS ${a['cumulative-layout-shift']?.displayValue}`,
    );
  // What keeps accessibility below 100, so the figure can be read (and mended).
  for (const ref of c?.accessibility?.auditRefs ?? []) {
    const au = a?.[ref.id];
    if (au && au.score !== null && au.score < 1 && ref.weight > 0) console.log(`  accessibility audit not passed: ${ref.id} (${au.title})`);
  }
}

sizes();
const stop = await serve();
try {
  await firstRender();
  await lighthouseScores();
} finally {
  stop();
}
