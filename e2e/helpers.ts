import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { bptt, embedToken, hasCellState, run, type CellKind, type CellParams, type Model, type StepTrace } from '../src/engine';
import { randomTableModel } from '../src/models/random';
import { demoModel } from '../src/models/demo';
import { toModelFile } from '../src/models/write-format';
import { tokenize } from '../src/text/tokenize';
import { traceVectors } from '../src/viz/vectors';
import { parseMath } from '../src/viz/notation';

/** The engine's own numbers for a sentence, computed in the test, independently of the page. */
export function engineTrace(kind: CellKind, text: string): StepTrace[] {
  const m = demoModel(kind);
  const xs = tokenize(text).tokens.map((tok) => embedToken(m.embedding, tok).x);
  return run(m.cell, xs).traces;
}

/**
 * Scrolls the values table into view, as a reader would, and waits until it shows the current
 * step: off screen it keeps the step it last showed (useNearViewport), marked data-stale.
 */
export async function showValuesTable(page: Page) {
  const wrap = page.locator('.values-wrap');
  await wrap.scrollIntoViewIfNeeded();
  await expect(wrap).not.toHaveAttribute('data-stale', 'true');
}

type TableRead = Record<string, { shown: string[]; exact: number[] }>;

/**
 * Reads the values table off the page: vector id -> numbers as displayed. A table showing every
 * unit builds only the columns scrolled to (aria-colcount says how many there are): it is
 * scrolled across, as a reader would, one window at a time, and every column read once.
 */
export async function readTable(page: Page, name: RegExp = /^Values at step/): Promise<TableRead> {
  // The values table (a memory model's prediction panel has a table of its own).
  const table = page.getByRole('table', { name });
  await showValuesTable(page);
  const read = await table.evaluate(async (el) => {
    const got: Record<string, Record<number, [string, number]>> = {};
    const heads = new Set<number>();
    const collect = () => {
      el.querySelectorAll('thead th[aria-colindex]').forEach((th) => heads.add(Number(th.getAttribute('aria-colindex'))));
      el.querySelectorAll('tbody tr').forEach((tr) => {
        const row = (got[tr.getAttribute('data-vector')!] ??= {});
        tr.querySelectorAll('td[data-value]').forEach((td, k) => {
          row[Number(td.getAttribute('aria-colindex') ?? k + 2)] = [td.querySelector('.num')!.textContent!, Number(td.getAttribute('data-value'))];
        });
      });
    };
    collect();
    const colcount = Number(el.getAttribute('aria-colcount') ?? 0);
    const region = el.closest<HTMLElement>('[role="region"]');
    if (colcount > 0 && region) {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      region.scrollLeft = 0;
      await frame();
      collect();
      // One window on at a time (the sticky name column covers the rest), until the far end.
      for (let k = 0; k < 500 && heads.size < colcount; k++) {
        const before = region.scrollLeft;
        region.scrollLeft += Math.max(88, region.clientWidth - 320);
        await frame();
        collect();
        if (region.scrollLeft === before) break;
      }
    }
    return { got, heads: heads.size, colcount };
  });
  if (read.colcount > 0) expect(read.heads, 'every column of the table was built at some scroll').toBe(read.colcount);
  const out: TableRead = {};
  for (const [id, m] of Object.entries(read.got)) {
    const cols = Object.keys(m)
      .map(Number)
      .sort((a, b) => a - b);
    out[id] = { shown: cols.map((c) => m[c]![0]), exact: cols.map((c) => m[c]![1]) };
  }
  return out;
}

/** Asserts the table shows exactly the engine's vectors for this step, rounded as shown. */
export async function expectTableMatches(page: Page, trace: StepTrace, t: number) {
  await showValuesTable(page);
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
  const traces = run(
    cell,
    tokens.map((tok) => embedToken(embedding, tok).x),
  ).traces;
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
interface TraceOutput {
  readonly model: string;
  readonly tokens: ReadonlyArray<{ token: string; seen: string; unknown: boolean }>;
  readonly steps: ReadonlyArray<{ prediction: number[]; h: number[] }>;
}
export function runTrace(model: string, text: string): TraceOutput {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', '--model', model, '--text', text], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }); // hidden 128 traces run to megabytes
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
export async function exportButton(page: Page, name: string, menuName = 'Export'): Promise<Locator> {
  const menu = page.getByRole('button', { name: menuName, exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  return page.getByRole('button', { name });
}

/** axe-core's WCAG 2.2 AA violations on the page as it is, each with up to three of its elements (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((x) => x.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

/**
 * A string of the mini-syntax ("h_{t−1}") as the page's text reads once its subscripts are drawn
 * (<sub>t−1</sub>): what toHaveText sees. Accessible names keep the plain form.
 */
export function drawn(s: string): string {
  return parseMath(s)
    .map((p) => p.text)
    .join('');
}
