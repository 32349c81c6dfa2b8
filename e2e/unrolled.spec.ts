import { expect, test, type Page } from '@playwright/test';
import type { CellKind } from '../src/engine';
import { formatValue } from '../src/viz/vectors';
import { valueRgb } from '../src/viz/colors';
import { unrolledLayout } from '../src/viz/unrolledLayout';
import { engineTrace, runTrace } from './helpers';

const CLOUDS = 'the clouds are in the sky';

const chain = (page: Page, kind: string) => page.getByRole('group', { name: `${kind} unrolled over the sentence`, exact: true });
const current = (page: Page, kind: string) => chain(page, kind).locator('[aria-current="step"]');
const shown = (v: ArrayLike<number>) => `[${Array.from(v, formatValue).join(', ')}]`;

test('the highlighted step follows Step forward/back, the slider and clicks on the chain', async ({ page }) => {
  await page.goto(`./?text=${encodeURIComponent(CLOUDS)}&view=unrolled`);
  await expect(current(page, 'LSTM')).toHaveAttribute('data-t', '0');
  await expect(current(page, 'RNN')).toHaveAttribute('data-t', '0');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(current(page, 'LSTM')).toHaveAttribute('data-t', '2');
  await expect(current(page, 'RNN')).toHaveAttribute('data-t', '2');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(current(page, 'LSTM')).toHaveAttribute('data-t', '1');
  await page.getByRole('slider', { name: 'Timestep' }).fill('4');
  await expect(current(page, 'LSTM')).toHaveAttribute('data-t', '4');

  // A click on a cell of either row opens that step in the cell diagram.
  await chain(page, 'RNN')
    .getByRole('button', { name: /^step 3, token “in”/ })
    .click();
  await expect(page.getByRole('status')).toHaveText('Step t = 3 of 5: token “in”');
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'LSTM cell at step t = 3' })).toBeVisible();

  // Keyboard: the current cell is the tab stop, arrows move focus (not the step), Enter opens it.
  await page.getByRole('tab', { name: 'Unrolled chain' }).click();
  await current(page, 'LSTM').focus();
  await page.keyboard.press('ArrowRight');
  await expect(chain(page, 'LSTM').getByRole('button', { name: /^step 4, token “the”/ })).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Step t = 3 of 5: token “in”');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Step t = 4 of 5: token “the”');
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toHaveAttribute('aria-selected', 'true');
});

test('in a slide that shows only the chain, both rows fit the frame and a click moves the step', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await page.goto(`./?text=${encodeURIComponent(CLOUDS)}&view=unrolled&embed=1`);
  for (const kind of ['RNN', 'LSTM']) {
    const box = (await chain(page, kind).boundingBox())!;
    expect(box.y + box.height, `${kind} row inside the 540 px frame`).toBeLessThanOrEqual(540);
  }
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(540);
  await chain(page, 'LSTM')
    .getByRole('button', { name: /^step 2, token “are”/ })
    .click();
  await expect(current(page, 'LSTM')).toHaveAttribute('data-t', '2');
  await expect(chain(page, 'RNN')).toBeVisible();
});

test('both rows show the engine numbers: the store row and the comparison row', async ({ page }) => {
  await page.goto(`./?text=${encodeURIComponent(CLOUDS)}&view=unrolled&t=3`);
  const lstm = engineTrace('lstm', CLOUDS);
  for (const [kind, name] of [
    ['rnn', 'RNN'],
    ['gru', 'GRU'],
    ['peephole', 'Peephole LSTM'],
  ] as const satisfies ReadonlyArray<readonly [CellKind, string]>) {
    await page.getByRole('combobox', { name: 'Top row' }).selectOption(kind);
    const tr = engineTrace(kind, CLOUDS);
    for (let t = 0; t <= 3; t++) {
      const c = 'c' in tr[t]! ? `, C = ${shown((tr[t] as { c: Float64Array }).c)}` : '';
      await expect(chain(page, name).locator(`[data-t="${t}"]`)).toHaveAttribute(
        'aria-label',
        `step ${t}, token “${CLOUDS.split(' ')[t]}”, h = ${shown(tr[t]!.h)}${c}${t === 3 ? ', current step' : ''}`,
      );
    }
    await expect(chain(page, name).locator('[data-t="4"]')).toHaveAttribute('aria-label', 'step 4, token “the”, not reached yet');
  }
  const l3 = lstm[3] as { h: Float64Array; c: Float64Array };
  await expect(current(page, 'LSTM')).toHaveAttribute('aria-label', `step 3, token “in”, h = ${shown(l3.h)}, C = ${shown(l3.c)}, current step`);
  // The numbers printed in the current LSTM cell are its h and C.
  await expect(current(page, 'LSTM').locator('.cell-num')).toHaveText([...l3.h, ...l3.c].map(formatValue));

  // The bottom row's picker is the store's cell type.
  await page.getByRole('combobox', { name: 'Bottom row (follows the controls)' }).selectOption('gru');
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  await expect(current(page, 'GRU')).toHaveAttribute('aria-label', new RegExp(`^step 3, token “in”, h = ${escapeRegex(shown(engineTrace('gru', CLOUDS)[3]!.h))}`));
});

function escapeRegex(s: string) {
  return s.replace(/[[\]().*+?^$|\\]/g, '\\$&');
}

test('the presets set the sentence and show their caption', async ({ page }) => {
  await page.goto('./?view=unrolled&text=hello');
  await page.getByRole('button', { name: 'The answer is far' }).click();
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(/^I grew up in France\..*I speak fluent French$/);
  await expect(page.getByText(/over thirty steps before “French”/)).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Step t = 0 of 39: token “I”');
  await page.getByRole('button', { name: 'The answer is close' }).click();
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(CLOUDS);
});

test('200 tokens condense, keep the current cell in view and still name every value', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const words = Array.from({ length: 200 }, (_, k) => `w${k}`).join(' ');
  await page.goto(`./?view=unrolled&t=150&text=${encodeURIComponent(words)}`);
  await expect(page.getByText('Long sentence: the cells are condensed')).toBeVisible();
  const cell = current(page, 'LSTM');
  await expect(cell).toHaveAttribute('data-t', '150');
  // Bring the chain up the page (vertically only): what the view must do is scroll sideways.
  await cell.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 200));
  await expect(cell).toBeInViewport();
  await expect(chain(page, 'LSTM').locator('.cell-num')).toHaveCount(0);
  const tr = engineTrace('lstm', words)[150]!;
  await expect(cell).toHaveAttribute('aria-label', new RegExp(`^step 150, token “w150”, h = ${escapeRegex(shown(tr.h))}`));
  // The condensed swatches are one bitmap per row, at the layout's resolution: the pixel at the
  // middle of step 150's swatch for unit 2 of h (column 0) and of C (column 1) has the colour of
  // the engine's value there.
  const L = unrolledLayout({ n: 200, current: 150, hidden: 6, columns: 2 });
  const at = (c: number) => ({ x: Math.round(L.cells[150]!.x + L.columnX[c]!) + Math.floor(L.swatch.w / 2), y: Math.round(L.unitY[1]! - L.unitY[0]!) + Math.floor(L.swatch.h / 2) });
  const pixels = await chain(page, 'LSTM')
    .locator('image.swatch-image')
    .evaluate(
      async (img: SVGImageElement, pts) => {
        const im = new Image();
        im.src = img.href.baseVal;
        await im.decode();
        const c = document.createElement('canvas');
        c.width = im.width;
        c.height = im.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(im, 0, 0);
        return pts.map((p) => Array.from(ctx.getImageData(p.x, p.y, 1, 1).data.slice(0, 3)));
      },
      [at(0), at(1)],
    );
  if (tr.kind !== 'lstm') throw new Error('an LSTM trace');
  expect(pixels).toEqual([valueRgb(tr.h[1]!, 'signed', 'light'), valueRgb(tr.c[1]!, 'unbounded', 'light')]);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    test(`screenshots unrolled ${theme} ${w}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?view=unrolled&t=3&theme=${theme}&text=${encodeURIComponent(CLOUDS)}`);
      await page.evaluate(() => document.fonts.ready);
      await page.getByRole('region', { name: 'Two cells unrolled over the same sentence' }).screenshot({ path: `test-results/shots/unrolled-${theme}-${w}.png` });
      await page.getByRole('button', { name: 'The answer is far' }).click();
      await page.getByRole('slider', { name: 'Timestep' }).fill('20');
      await page.getByRole('region', { name: 'Two cells unrolled over the same sentence' }).screenshot({ path: `test-results/shots/unrolled-far-${theme}-${w}.png` });
    });
  }
}

test('with a trained model, the comparison row is the same task’s trained model of the other kind', async ({ page }) => {
  const text = 'i grew up in france . my mother liked to cook on sundays . i speak fluent';
  await page.goto(`./?model=memory-lstm&view=unrolled&t=4&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('memory-lstm');
  await expect(page.locator('.row-model')).toHaveText('memory-rnn');
  // The numbers are memory-rnn's, as npm run trace computes them through its own vocabulary.
  const steps = runTrace('memory-rnn', text).steps;
  await expect(current(page, 'RNN')).toHaveAttribute('aria-label', new RegExp(`^step 4, token “france”, h = ${escapeRegex(shown(steps[4]!.h))}`));
  // Another kind in the row loads that kind's trained model.
  await page.getByRole('combobox', { name: 'Top row' }).selectOption('gru');
  await expect(page.locator('.row-model')).toHaveText('memory-gru');
  await expect(current(page, 'GRU')).toBeVisible();
  await expect(page).toHaveURL(/compare=gru/);
});
