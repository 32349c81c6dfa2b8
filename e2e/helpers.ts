import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import { bptt, embedToken, hasCellState, run, type CellKind, type CellParams, type Model, type StepTrace } from '../src/engine';
import { randomTableModel } from '../src/models/random';
import { demoModel } from '../src/models/demo';
import { toModelFile } from '../src/models/write-format';
import { tokenize } from '../src/text/tokenize';
import { traceVectors } from '../src/viz/vectors';

/** The engine's own numbers for a sentence, computed in the test, independently of the page. */
export function engineTrace(kind: CellKind, text: string): StepTrace[] {
  const m = demoModel(kind);
  const xs = tokenize(text).tokens.map((tok) => embedToken(m.embedding, tok).x);
  return run(m.cell, xs).traces;
}

type TableRead = Record<string, { shown: string[]; exact: number[] }>;

/** The rows of the values table as built now: vector id -> (column index -> shown, exact). */
async function readBuilt(page: Page) {
  // The values table (a memory model's prediction panel has a table of its own).
  const table = page.getByRole('table', { name: /^Values at step/ });
  return table.evaluate((el) => {
    const rows: Record<string, Array<[number, string, number]>> = {};
    el.querySelectorAll('tbody tr').forEach((tr) => {
      const cells = Array.from(tr.querySelectorAll('td[data-value]'));
      rows[tr.getAttribute('data-vector')!] = cells.map((td, k) => [Number(td.getAttribute('aria-colindex') ?? k + 2), td.querySelector('.num')!.textContent!, Number(td.getAttribute('data-value'))]);
    });
    const heads = Array.from(el.querySelectorAll('thead th[aria-colindex]')).map((th) => Number(th.getAttribute('aria-colindex')));
    return { rows, heads, colcount: Number(el.getAttribute('aria-colcount') ?? 0) };
  });
}

/**
 * Reads the values table off the page: vector id -> numbers as displayed. A table showing every
 * unit builds only the columns scrolled to (aria-colcount says how many there are): it is
 * scrolled across, as a reader would, and every column read once.
 */
export async function readTable(page: Page): Promise<TableRead> {
  const first = await readBuilt(page);
  const collect = (into: Map<string, Map<number, [string, number]>>, b: typeof first) => {
    for (const [id, cells] of Object.entries(b.rows)) {
      const m = into.get(id) ?? new Map<number, [string, number]>();
      for (const [c, shown, exact] of cells) m.set(c, [shown, exact]);
      into.set(id, m);
    }
  };
  const got = new Map<string, Map<number, [string, number]>>();
  collect(got, first);
  if (first.colcount > 0) {
    const region = page.getByRole('region', { name: /^Every unit’s values/ });
    const seen = new Set(first.heads);
    await region.evaluate((el) => (el.scrollLeft = 0));
    for (let k = 0; k < 200 && seen.size < first.colcount; k++) {
      const before = seen.size;
      // One window on at a time: the sticky name column (300 px) covers the rest.
      await region.evaluate((el) => (el.scrollLeft += Math.max(88, el.clientWidth - 320)));
      // React builds the new window in the next frame.
      await expect.poll(async () => {
        const b = await readBuilt(page);
        collect(got, b);
        b.heads.forEach((h) => seen.add(h));
        return seen.size > before || seen.size >= first.colcount;
      }).toBe(true);
    }
    expect(seen.size, 'every column of the table was built at some scroll').toBe(first.colcount);
  }
  const out: TableRead = {};
  for (const [id, m] of got) {
    const cols = [...m.keys()].sort((a, b) => a - b);
    out[id] = { shown: cols.map((c) => m.get(c)![0]), exact: cols.map((c) => m.get(c)![1]) };
  }
  return out;
}

/** Asserts the table shows exactly the engine's vectors for this step, rounded as shown. */
export async function expectTableMatches(page: Page, trace: StepTrace, t: number) {
  await expect(page.getByRole('table', { name: `Values at step t = ${t}` })).toBeVisible();
  const table = await readTable(page);
  const expected = traceVectors(trace);
  expect(Object.keys(table)).toEqual(expected.map((v) => v.id));
  for (const v of expected) {
    const got = table[v.id]!;
    expect(got.exact.length, v.id).toBe(v.values.length);
    v.values.forEach((x, k) => {
      expect(Math.abs(got.exact[k]! - x), `${v.id}[${k}]`).toBeLessThan(1e-12);
      expect(Math.abs(Number(got.shown[k]!.replace('−', '-')) - x), `${v.id}[${k}] shown`).toBeLessThanOrEqual(0.0005 + 1e-12);
    });
  }
}

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, max = 25) {
  for (let k = 0; k < max; k++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** A host page that embeds Gatescope and records what it posts. */
export function hostPage(src: string): string {
  return `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<iframe id="g" title="Gatescope" src="${src}" width="960" height="540"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => { if (e.data && e.data.gatescope === 1) window.received.push({ origin: e.origin, data: e.data }); });
  window.send = (msg) => document.getElementById('g').contentWindow.postMessage(msg, '*');
</script></body></html>`;
}

export async function received(page: Page) {
  return page.evaluate(() => (window as unknown as { received: { origin: string; data: Record<string, unknown> }[] }).received);
}


/**
 * The gradient-flow gains for a token sequence, computed independently of the view's code path
 * (which accumulates step Jacobians, grad/influence.ts): one reverse-mode `bptt` pass per output
 * unit, seeded with e_j at the last step, over the suffix of the run that starts after token k,
 * so that `dh0` (`dc0`) is row j of ∂h_T/∂h_k (∂C_T/∂C_k). RMS gain = ‖J‖_F / √H. The belt is
 * the product of the forget gates read straight off the traces.
 */
export function bpttGains(cell: CellParams, embedding: Model['embedding'], tokens: readonly string[]) {
  const traces = run(cell, tokens.map((tok) => embedToken(embedding, tok).x)).traces;
  const H = cell.hiddenSize;
  const T = traces.length;
  const withC = hasCellState(cell.kind);
  const unit = (j: number) => Float64Array.from({ length: H }, (_, k) => (k === j ? 1 : 0));
  const zeros = () => new Float64Array(H);
  const gain = (k: number, of: 'h' | 'c') => {
    // The state after token k is the initial state of the suffix traces[k + 1 ..].
    const suffix = traces.slice(k + 1);
    if (suffix.length === 0) return 1;
    let sq = 0;
    for (let j = 0; j < H; j++) {
      const r = bptt(cell, suffix, suffix.map(zeros), of === 'h' ? unit(j) : zeros(), of === 'c' ? unit(j) : zeros());
      for (const v of of === 'h' ? r.dh0 : r.dc0!) sq += v * v;
    }
    return Math.sqrt(sq / H);
  };
  const ks = traces.map((_, k) => k);
  const f = (k: number) => (traces[k] as { f: Float64Array }).f;
  const belt = (k: number) => {
    let sq = 0;
    for (let u = 0; u < H; u++) {
      let p = 1;
      for (let s = k + 1; s < T; s++) p *= f(s)[u]!;
      sq += p * p;
    }
    return Math.sqrt(sq / H);
  };
  return {
    h: ks.map((k) => gain(k, 'h')),
    c: withC ? ks.map((k) => gain(k, 'c')) : null,
    belt: withC ? ks.map(belt) : null,
  };
}

/** What `npm run trace -- --model ID --text TEXT` prints (tsx directly: npm's banner is not JSON). */
export interface TraceOutput {
  readonly model: string;
  readonly tokens: ReadonlyArray<{ token: string; seen: string; unknown: boolean }>;
  readonly steps: ReadonlyArray<{ prediction: number[]; h: number[] }>;
}
export function runTrace(model: string, text: string): TraceOutput {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', '--model', model, '--text', text], { encoding: 'utf8' });
  return JSON.parse(out) as TraceOutput;
}

/**
 * A random model as a file the page can load ("Load your own model…"): a table embedding over
 * `words`, seeded random weights, a sigmoid head (src/models/random.ts), for the tests that need a big model.
 */
export function randomModelFile(kind: CellKind, inputSize: number, hiddenSize: number, words: readonly string[], seed: number) {
  const model = randomTableModel(kind, inputSize, hiddenSize, words, seed);
  return { name: `${model.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(toModelFile(model, {}, 'exact'))) };
}

/** A download button of the Export menu, the menu opened first as a user would. */
export async function exportButton(page: Page, name: string): Promise<Locator> {
  const menu = page.getByRole('button', { name: 'Export', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return page.getByRole('button', { name });
}
