/**
 * From a lesson chapter's link to an interactive figure, measured (not a test; it asserts
 * nothing): for each chapter, N cold loads of `?lesson=N` in fresh contexts at 1280 × 720, and the
 * medians of the time from navigation to
 *   - the chapter's heading on screen (the lesson's code has arrived and run);
 *   - the chapter's figure drawn with its numbers and its first question answerable (an option
 *     or the estimate slider enabled): the reader can act.
 * No throttling: the plain figure on this machine.
 *
 *   npx vite build --outDir /tmp/site && (cd /tmp/site && python3 -m http.server 4392 &)
 *   npx tsx scripts/perf-lesson.ts http://127.0.0.1:4392/ [--runs 5]
 */
import { chromium } from 'playwright-core';
import { CHAPTERS } from '../src/lesson/chapters';
import { chromiumPath } from './chromium-path.mjs';
import { urlsAndRuns } from './urlArgs';

const { urls, runs: RUNS } = urlsAndRuns('perf-lesson.ts', 5);
const base = urls[0]!;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
try {
  console.log(`Chapter link to interactive figure, median of ${RUNS} cold loads (1280 × 720, no throttling):`);
  console.log('chapter | id | heading (ms) | figure and question ready (ms)');
  for (let n = 1; n <= CHAPTERS.length; n++) {
    const heading: number[] = [];
    const ready: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await ctx.newPage();
      await page.goto(new URL(`?lesson=${n}`, base).href);
      await page.locator('.lesson-text h2').first().waitFor();
      heading.push(await page.evaluate(() => performance.now()));
      // The figure: an SVG with drawn content in the main view; the question: an enabled input.
      if (CHAPTERS[n - 1]!.state) await page.locator('main svg').first().waitFor();
      if (CHAPTERS[n - 1]!.questions.length > 0) await page.locator('.lesson-questions input:not([disabled])').first().waitFor();
      ready.push(await page.evaluate(() => performance.now()));
      await ctx.close();
    }
    console.log(`${n} | ${CHAPTERS[n - 1]!.id} | ${Math.round(median(heading))} | ${Math.round(median(ready))}`);
  }
} finally {
  await browser.close();
}
