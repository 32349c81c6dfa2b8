/**
 * Today's recurrences on the page: the kind picker groups them, their diagrams draw no line from
 * h_{t−1} into a layer, and the scan view's h_t row is `npm run trace`'s h for every step, after
 * each change a reader can make (kind, unit, sentence, step), in English and Chinese.
 */
import { expect, test, type Page } from '@playwright/test';
import { translator } from '../src/i18n';
import type { Lang } from '../src/shared/prefs';
import { formatValue } from '../src/viz/vectors';
import { axeViolations, runTrace } from './helpers';

/** The scan's h_t row as numbers on screen, left to right. */
async function scanRow(page: Page): Promise<string[]> {
  return page.locator('.scan-h text').allTextContents();
}

async function expectScanIsEngine(page: Page, model: string, text: string, unit: number) {
  const trace = runTrace(model, text);
  const want = trace.steps.slice(0, 32).map((s) => formatValue(s.h[unit]!));
  await expect.poll(() => scanRow(page)).toEqual(want);
  // The line under the heading says the two computations agree, over every unit and step.
  await expect(page.getByTestId('scan-agree')).toContainText(String(want.length * trace.steps[0]!.h.length));
}

for (const lang of ['en', 'zh'] as const satisfies readonly Lang[]) {
  test(`today's kinds: grouped picker, the scan equals the engine after each control (${lang})`, async ({ page }) => {
    const t = translator(lang);
    const text = 'i grew up in france and i speak fluent';
    await page.goto(`./?lang=${lang}&model=memory-mingru&text=${encodeURIComponent(text)}`);
    const picker = page.getByRole('radiogroup', { name: t('cellType') });
    await expect(picker.getByText(t('kindGroup.today'))).toBeVisible();
    await expect(picker.getByRole('radio', { name: t('kind.mingru') })).toBeChecked();

    // The diagram: x_t feeds the layers, h_{t−1} feeds none of them.
    const edges = await page.locator('path[data-edge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')!));
    const intoLayers = edges.filter((e) => /->layer/.test(e));
    expect(intoLayers.sort()).toEqual(['layerN->mulN', 'layerZ->forkZ', 'xJoin->layerN', 'xJoin->layerZ'].filter((e) => e.endsWith('->layerN') || e.endsWith('->layerZ')));
    expect(edges.filter((e) => e.startsWith('hPrev->'))).toEqual(['hPrev->mulKeep']);

    const scan = page.getByRole('region', { name: t('scan.title') });
    await expect(scan).toBeVisible();
    await expectScanIsEngine(page, 'memory-mingru', text, 0);

    // Another unit.
    await scan.getByRole('combobox', { name: t('scan.unit') }).selectOption('5');
    await expectScanIsEngine(page, 'memory-mingru', text, 4);

    // Another kind: minLSTM's scan, and the normaliser in its diagram.
    await picker.getByRole('radio', { name: t('kind.minlstm') }).check();
    await expect(page.locator('.model-info code').first()).toHaveText('memory-minlstm');
    await expectScanIsEngine(page, 'memory-minlstm', text, 4);
    await expect(page.locator('[data-node="norm"]')).toBeVisible();

    // Another sentence: the scan follows it.
    const other = 'my mother is from germany so i speak';
    await page.getByLabel(t('sentence'), { exact: true }).fill(other);
    await expectScanIsEngine(page, 'memory-minlstm', other, 4);

    // Stepping marks the current column in every level.
    await page.getByRole('button', { name: t('stepForward') }).click();
    await page.getByRole('button', { name: t('stepForward') }).click();
    await expect(page.locator('.scan-box.current')).toHaveCount(await page.locator('.scan-box[data-t="2"]').count());
    await expect(page.locator('.scan-h.current')).toHaveAttribute('data-t', '2');

    // A classic kind has no scan: its gates read h_{t−1}.
    await picker.getByRole('radio', { name: t('kind.lstm'), exact: true }).check();
    await expect(page.locator('.model-info code').first()).toHaveText('memory-lstm');
    await expect(scan).toHaveCount(0);

    // Back to minGRU: no axe violations with the scan on the page.
    await picker.getByRole('radio', { name: t('kind.mingru') }).check();
    await expect(page.getByRole('region', { name: t('scan.title') })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/shots/today-mingru-${lang}.png`, fullPage: true });
  });
}

test('a task without a model of a kind says so, and picking the kind there opens its demo', async ({ page }) => {
  const t = translator('en');
  await page.goto('./?model=wave-lstm');
  await expect(page.locator('.model-info code').first()).toHaveText('wave-lstm');
  await page.getByRole('radio', { name: 'minGRU' }).check();
  // Time series has no minGRU model: the untrained demo, and the task's radio is disabled with the reason.
  await expect(page.locator('.model-info code').first()).toHaveText('demo-mingru');
  await expect(page.getByRole('radio', { name: new RegExp(t('task.wave')) })).toBeDisabled();
  await expect(page.getByRole('radio', { name: t('task.demo') })).toBeChecked();
  // The translate view offers the LSTM's translator instead of failing to fetch one.
  await page.getByRole('tab', { name: t('view.translate') }).click();
  await expect(page.getByRole('status').filter({ hasText: 'minGRU' })).toBeVisible();
  await page.getByRole('button', { name: t('translate.useDefault', { kind: 'LSTM' }) }).click();
  await expect(page.getByRole('radio', { name: 'LSTM', exact: true })).toBeChecked();
});

/**
 * The sLSTM diagram's n_t and m_t belts, read by their accessible names, unit by unit: the
 * engine's n and m (npm run trace) for this sentence and step, rounded as shown.
 */
async function expectBeltsAreEngine(page: Page, lang: Lang, text: string, step: number) {
  const t = translator(lang);
  const trace = runTrace('memory-slstm', text) as unknown as { steps: Record<'n' | 'm', number[]>[] };
  const figure = page.getByRole('group', { name: t('diag.title', { kind: t('kind.slstm'), t: step }), exact: true });
  for (const [key, field] of [
    ['row.nS', 'n'],
    ['row.m', 'm'],
  ] as const) {
    const swatches = figure.getByRole('group', { name: t(key), exact: true }).getByRole('button');
    const read = async () => {
      const shown = await swatches.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), e.getAttribute('aria-label')] as const));
      return shown.map(([u, name]) => (name === t('diag.swatch', { name: t(key), k: u + 1, v: formatValue(trace.steps[step]![field][u]!) }) ? 'engine' : name));
    };
    // Every unit the diagram draws (8 of the model's 12) is the engine's.
    await expect.poll(read).toEqual(Array(8).fill('engine'));
  }
}

test('sLSTM: n_t and m_t on their own belts and the stabiliser panel are the engine’s, after a step and a sentence change (en, zh)', async ({ page }) => {
  const text = 'i grew up in france and i speak fluent';
  const other = 'my mother is from germany so i speak';
  for (const lang of ['en', 'zh'] as const satisfies readonly Lang[]) {
    const t = translator(lang);
    await page.goto(`./?lang=${lang}&model=memory-slstm&text=${encodeURIComponent(text)}`);
    await expect(page.getByRole('radio', { name: t('kind.slstm'), exact: true })).toBeChecked();
    const slider = page.locator('.controls input[type="range"]');
    await slider.fill('3');
    await expectBeltsAreEngine(page, lang, text, 3);
    await slider.fill('6');
    await expectBeltsAreEngine(page, lang, text, 6);
    await page.getByLabel(t('sentence'), { exact: true }).fill(other);
    await slider.fill('5');
    await expectBeltsAreEngine(page, lang, other, 5);
    // Each belt enters and leaves the cell as c does.
    for (const pill of ['nPrev', 'n', 'mPrev', 'm']) await expect(page.locator(`[data-node="${pill}"]`)).toBeVisible();
    if (lang === 'zh') break;

    const panel = page.getByRole('region', { name: t('stab.title') });
    await expect(panel).toBeVisible();
    const trace = runTrace('memory-slstm', text) as unknown as { steps: { h: number[]; m: number[] }[] };
    await page.getByLabel(t('sentence'), { exact: true }).fill(text);
    for (const step of [0, 3, 7]) {
      await slider.fill(String(step));
      const units = (await panel.locator('thead th').allTextContents()).slice(1).map((s) => Number(s.replace(/\D/g, '')) - 1);
      expect(units.length).toBeGreaterThan(0);
      const rowOf = async (label: string) => (await panel.getByRole('row').filter({ hasText: label }).locator('td').allTextContents()).map((s) => s.trim());
      await expect.poll(() => rowOf(t('stab.h'))).toEqual(units.map((k) => trace.steps[step]!.h[k]!.toFixed(3).replace('-', '−')));
      expect(await rowOf(t('stab.m'))).toEqual(units.map((k) => trace.steps[step]!.m[k]!.toFixed(3).replace('-', '−')));
    }
    // The diagram names the sLSTM's gates: exp for the input gate, and h_t = o ⊙ c / n.
    await expect(page.locator('[data-node="layerI"] text')).toHaveText('exp');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/shots/today-slstm-en.png', fullPage: true });
  }
});
