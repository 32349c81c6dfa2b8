/**
 * From a click on a cell kind to the page showing that kind's numbers (not a test; it asserts
 * nothing): on the production build, the trained sentiment LSTM at "not", a click on each other
 * kind in turn, and the time until
 *   - the radio is checked (what the reader sees of their click),
 *   - the values table's rows are the new kind's (its first gate row, e.g. GRU's r_t),
 * in the page's own clock (performance.now at the click's pointerdown, a MutationObserver for the
 * rest). First picks fetch the model file; the second round picks each kind again, from the cache.
 *
 *   npx tsx scripts/perf-kind-switch.ts [--runs 5]
 */
import { parseArgs } from 'node:util';
import { withBuiltSite } from './built-site';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, help: { type: 'boolean' } }, strict: false });
if (values.help) {
  process.stdout.write('usage: npx tsx scripts/perf-kind-switch.ts [--runs N]   (N page loads, default 5)\n');
  process.exit(0);
}
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write(`perf-kind-switch: --runs must be a whole number ≥ 1, got "${values.runs}"\n`);
  process.exit(2);
}

/** The first row after x and h_{t−1} (and C_{t−1}) that tells the kinds apart in the values table. */
const FIRST_GATE_ROW: Record<string, string> = { GRU: 'pre.r', RNN: 'pre.a', 'Peephole LSTM': 'pre.f', 'Coupled LSTM': 'pre.f', LSTM: 'pre.f' };
const ORDER = ['GRU', 'RNN', 'Peephole LSTM', 'Coupled LSTM', 'LSTM'];

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await withBuiltSite(async ({ base, browser }) => {
  const times = { cold: { checked: [] as number[], table: [] as number[] }, cached: { checked: [] as number[], table: [] as number[] } };
  for (let r = 0; r < RUNS; r++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    await page.goto(base);
    await page.getByRole('table', { name: /^Values at step/ }).waitFor();
    for (const round of ['cold', 'cached'] as const) {
      for (const name of ORDER) {
        if (round === 'cold' && name === 'LSTM') continue; // on screen at load: no fetch to time
        const radio = page.getByRole('radio', { name, exact: true });
        const want = FIRST_GATE_ROW[name]!;
        const model = `sentiment-${name === 'Peephole LSTM' ? 'peephole' : name === 'Coupled LSTM' ? 'coupled' : name.toLowerCase()}`;
        await page.evaluate(
          ({ want, model }) => {
            const w = window as unknown as { __switch: { down: number; checked: number; table: number } };
            w.__switch = { down: 0, checked: 0, table: 0 };
            const radio = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="cell-type"]'));
            addEventListener('pointerdown', () => (w.__switch.down = performance.now()), { once: true, capture: true });
            const mo = new MutationObserver(() => {
              const now = performance.now();
              if (!w.__switch.checked && radio.some((r) => r.checked && r.value === model.replace('sentiment-', ''))) w.__switch.checked = now;
              const rows = Array.from(document.querySelectorAll('.values-wrap tbody tr')).map((tr) => tr.getAttribute('data-vector'));
              const code = document.querySelector('.model-info code')?.textContent;
              if (!w.__switch.table && code === model && rows.includes(want)) {
                w.__switch.table = now;
                mo.disconnect();
              }
            });
            mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          },
          { want, model },
        );
        await radio.click();
        await page.waitForFunction(() => (window as unknown as { __switch: { table: number } }).__switch.table > 0, undefined, { timeout: 30_000 });
        const s = await page.evaluate(() => (window as unknown as { __switch: { down: number; checked: number; table: number } }).__switch);
        times[round].checked.push(s.checked - s.down);
        times[round].table.push(s.table - s.down);
      }
    }
    await ctx.close();
  }
  const line = (label: string, xs: number[]) =>
    `${label.padEnd(44)} median ${median(xs).toFixed(0).padStart(4)} ms   max ${Math.max(...xs)
      .toFixed(0)
      .padStart(4)} ms   (n = ${xs.length})`;
  process.stdout.write(`kind click → … on the production build, ${RUNS} page loads, sentiment models\n`);
  process.stdout.write(`${line('radio checked, model fetched (first pick)', times.cold.checked)}\n`);
  process.stdout.write(`${line('table shows the new kind (first pick)', times.cold.table)}\n`);
  process.stdout.write(`${line('radio checked, model cached', times.cached.checked)}\n`);
  process.stdout.write(`${line('table shows the new kind, model cached', times.cached.table)}\n`);
});
