/**
 * The mLSTM on the page: picked from today's group, its diagram's layers read x_t alone (no
 * h_{t−1} pill), and its memory panel's heatmap of C_t, the denominator's two sides (the larger
 * marked) and h_t, and the diagram's h_t, are `npm run trace`'s numbers after each change a reader
 * makes (kind, step, sentence), in English and Chinese; axe finds nothing.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { translator } from '../src/i18n';
import type { Lang } from '../src/shared/prefs';
import { formatValue, formatWide } from '../src/viz/vectors';
import { axeViolations, runTrace } from './helpers';

interface MlstmStep {
  readonly C: number[][];
  readonly h: number[];
  readonly m: number[];
  readonly nq: number[];
  readonly denominator: number[];
}

/** `npm run trace`'s steps, with the mLSTM's memory and scalars (each scalar as a row of one). */
const trace = (model: string, text: string) => (runTrace(model, text) as unknown as { steps: MlstmStep[] }).steps;

/** What the accessible name of a string with "_{…}" subscripts reads: the subscripts run on. */
const plain = (s: string) => s.replace(/_\{([^}]*)\}/g, '$1').replace(/_(.)/g, '$1');

const cellTexts = async (row: Locator) => (await row.getByRole('cell').allTextContents()).map((s) => s.trim());

async function expectMemoryIsEngine(page: Page, lang: Lang, steps: readonly MlstmStep[], step: number) {
  const t = translator(lang);
  const panel = page.getByRole('region', { name: plain(t('mem.title')) });
  const heat = panel.getByRole('table', { name: plain(t('mem.c')) });
  await expect(heat).toBeVisible();
  const units = (await heat.locator('thead th').allTextContents()).map((s) => Number(s) - 1);
  expect(units.length).toBeGreaterThan(0);
  const s = steps[step]!;
  // C_t's cells: row a, column b is the trace's C[a][b].
  await expect
    .poll(async () => {
      const rows = await heat.locator('tbody tr').all();
      return Promise.all(rows.map(cellTexts));
    })
    .toEqual(units.map((a) => units.map((b) => formatValue(s.C[a]![b]!))));
  // The denominator's two sides: |nᵀq| and e^{−m} from the trace, the larger one marked.
  const sides = panel.getByRole('table', { name: t('mem.sides') });
  const side = (k: number) => cellTexts(sides.getByRole('row').nth(k));
  const nq = Math.abs(s.nq[0]!);
  const floor = Math.exp(-s.m[0]!);
  const wins = ` ← ${t('mem.wins')}`;
  expect(await side(0)).toEqual([formatWide(nq) + (nq >= floor ? wins : '')]);
  expect(await side(1)).toEqual([formatWide(floor) + (nq >= floor ? '' : wins)]);
  expect(await side(2)).toEqual([formatWide(s.denominator[0]!)]);
  expect(s.denominator[0]).toBe(Math.max(nq, floor));
  // h_t: the panel's last row, and the diagram's h_t swatches (their full values).
  const perUnit = panel.getByRole('table', { name: t('mem.readTable') });
  expect(await cellTexts(perUnit.getByRole('row').last())).toEqual(units.map((k) => formatValue(s.h[k]!)));
  const hSwatches = page.locator('svg.diagram g.strip[data-vector="h"] [data-unit]');
  const shown = await hSwatches.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), Number(e.getAttribute('data-value'))] as const));
  expect(shown.length).toBeGreaterThan(0);
  // To the last bits: the browser's Math.exp and Node's may differ in the last place.
  for (const [k, v] of shown) expect(Math.abs(v - s.h[k]!)).toBeLessThan(1e-12 * (1 + Math.abs(s.h[k]!)));
}

for (const lang of ['en', 'zh'] as const satisfies readonly Lang[]) {
  test(`mLSTM: the memory heatmap, the denominator and h_t are the engine's after kind, step and sentence change (${lang})`, async ({ page }) => {
    const t = translator(lang);
    const text = 'i grew up in france and i speak fluent';
    await page.goto(`./?lang=${lang}&model=memory-lstm&text=${encodeURIComponent(text)}`);
    const picker = page.getByRole('radiogroup', { name: t('cellType') });
    await picker.getByRole('radio', { name: t('kind.mlstm') }).check();
    await expect(page.locator('.model-info code').first()).toHaveText('memory-mlstm');

    // Every layer reads x_t alone, and no h_{t−1} enters the cell: nothing in the step reads it.
    const edges = await page.locator('path[data-edge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')!));
    const intoLayers = edges.filter((e) => /->layer/.test(e));
    expect(intoLayers.length).toBe(6);
    for (const e of intoLayers) expect(e.startsWith('xJoin->')).toBe(true);
    await expect(page.locator('[data-node="hPrev"]')).toHaveCount(0);
    await expect(page.locator('[data-node="outer"]')).toBeVisible();

    const steps = trace('memory-mlstm', text);
    for (const step of [0, 4, 7]) {
      await page.locator('.controls input[type="range"]').fill(String(step));
      await expectMemoryIsEngine(page, lang, steps, step);
    }

    const other = 'my mother is from germany so i speak';
    await page.getByLabel(t('sentence'), { exact: true }).fill(other);
    await page.locator('.controls input[type="range"]').fill('5');
    await expectMemoryIsEngine(page, lang, trace('memory-mlstm', other), 5);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/shots/mlstm-${lang}.png`, fullPage: true });
  });
}
