/**
 * The worst case the page allows (issue "nothing breaks it"): your own model at hidden 512, a
 * 200-token sentence, each view opened in turn. For each phase it prints the main thread's long
 * tasks (over 50 ms) and the event loop's worst lag (how late a 50 ms timer fired: how long a
 * click would have waited). Figures, no assertions.
 *
 *   npx tsx scripts/perf-worst.ts
 *
 * Builds into a temporary folder and serves it with vite preview, as bench-lab.ts does.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CellKind } from '../src/engine';
import { randomTableModel } from '../src/models/random';
import { withBuiltSite } from './built-site';
import { toModelFile } from '../src/models/write-format';
import { cliArgs } from './cli';

cliArgs({
  script: 'perf-worst.ts',
  usage: `
usage: npx tsx scripts/perf-worst.ts
Long tasks and event-loop lag with a hidden-512 model on 200 tokens, each view in turn: figures only.`,
});

const H = 512;
const WORDS = Array.from({ length: 200 }, (_, k) => `w${k % 60}`);

function modelFile(kind: CellKind): Buffer {
  // Six digits, as the project's own files: a hidden-512 LSTM is then about 10 MB, under the 20 MB limit.
  return Buffer.from(JSON.stringify(toModelFile(randomTableModel(kind, 8, H, WORDS, 5, `worst-${kind}-${H}`))));
}

/** Runs `act`, then watches for `ms`: long tasks and the worst lag of a 50 ms timer. */
async function phase(page: Page, act: () => Promise<void>, ms: number): Promise<{ long: number[]; lag: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { probe: { long: number[]; lag: number; stop: boolean } };
    w.probe = { long: [], lag: 0, stop: false };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.probe.long.push(e.duration))).observe({ type: 'longtask' });
    let due = performance.now() + 50;
    const tick = () => {
      const now = performance.now();
      w.probe.lag = Math.max(w.probe.lag, now - due);
      due = now + 50;
      if (!w.probe.stop) setTimeout(tick, 50);
    };
    setTimeout(tick, 50);
  });
  await act();
  await page.waitForTimeout(ms);
  return page.evaluate(() => {
    const w = window as unknown as { probe: { long: number[]; lag: number; stop: boolean } };
    w.probe.stop = true;
    return { long: w.probe.long, lag: w.probe.lag };
  });
}

const show = (name: string, r: { long: number[]; lag: number }) =>
  console.log(
    `  ${name.padEnd(34)} long tasks ${String(r.long.length).padStart(2)}${
      r.long.length
        ? `, longest ${Math.max(...r.long)
            .toFixed(0)
            .padStart(5)} ms`
        : '                  '
    }; worst timer lag ${r.lag.toFixed(0).padStart(5)} ms`,
  );

async function main() {
  console.log(`worst case: own model, hidden ${H}, ${WORDS.length} tokens; ${cpus()[0]?.model ?? ''} (${cpus().length} cores), load ${loadavg()[0]!.toFixed(2)}`);
  await withBuiltSite(async ({ base, out, browser }) => {
    for (const kind of ['rnn', 'lstm'] as const) {
      const file = modelFile(kind);
      // Served by the preview, and handed to the page's file input from inside the page, as a
      // picked file is: Playwright's setInputFiles would add its own transfer of 11 MB (base64).
      writeFileSync(join(out, `worst-${kind}.json`), file);
      console.log(`\n${kind.toUpperCase()} (${(file.length / 1e6).toFixed(1)} MB file)`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(`${base}?text=${encodeURIComponent(WORDS.join(' '))}`);
      await page.getByRole('tab', { name: 'Cell diagram' }).waitFor();
      const blob = await page.evaluate(async (name) => {
        const w = window as unknown as { picked: File };
        w.picked = new File([await (await fetch(name)).blob()], name, { type: 'application/json' });
        return w.picked.size;
      }, `worst-${kind}.json`);
      if (blob !== file.length) throw new Error('the file did not arrive whole');
      show(
        'load the file (read, parse, check)',
        await phase(
          page,
          () =>
            page.evaluate(() => {
              const input = document.querySelector<HTMLInputElement>('[data-testid="own-model-input"]')!;
              const dt = new DataTransfer();
              dt.items.add((window as unknown as { picked: File }).picked);
              input.files = dt.files;
              input.dispatchEvent(new Event('change', { bubbles: true }));
            }),
          3000,
        ),
      );
      show(
        'step to the end (199 steps)',
        await phase(
          page,
          async () => {
            await page.getByRole('slider', { name: 'Timestep' }).fill('199');
          },
          2000,
        ),
      );
      for (const tab of ['Unrolled chain', 'Heatmaps', 'Gradient flow', 'Cell diagram']) {
        show(`open ${tab}`, await phase(page, () => page.getByRole('tab', { name: tab }).click(), 4000));
      }
      await page.close();
    }
  });
}

await main();
