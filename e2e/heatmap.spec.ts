import { expect, test, type Page } from '@playwright/test';
import { heatmapLayout } from '../src/viz/heatmapLayout';
import { formatValue } from '../src/viz/vectors';
import { valueRgb } from '../src/viz/colors';
import { drawn, engineTrace } from './helpers';

const CLOUDS = 'the clouds are in the sky';
const WORDS200 = Array.from({ length: 200 }, (_, k) => `w${k}`).join(' ');

const grid = (page: Page, name: string) => page.getByRole('application', { name: `Heatmap of ${name}: rows are units, columns are tokens` });

/** Moves the mouse to the centre of cell (t, k) of a heatmap, using the same geometry as the page. */
async function hoverCell(page: Page, name: string, tokens: number, units: number, t: number, k: number) {
  const L = heatmapLayout(tokens, units);
  const surface = grid(page, name);
  await surface.scrollIntoViewIfNeeded();
  // Bring the column into view inside the horizontal scroller first.
  await surface.evaluate((el, x) => el.closest('.hm-scroll')!.scrollTo({ left: Math.max(0, x - 200) }), t * L.cellW);
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + t * L.cellW + L.cellW / 2, box.y + k * L.cellH + L.cellH / 2);
  return { x: box.x + t * L.cellW + L.cellW / 2, y: box.y + k * L.cellH + L.cellH / 2 };
}

test('hover and keyboard readouts equal the engine; click and Enter move the step', async ({ page }) => {
  await page.goto(`./?view=heatmap&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('region', { name: 'Heatmaps of the whole sentence' })).toHaveAttribute('data-mode', 'svg');
  const tr = engineTrace('lstm', CLOUDS);
  // Opening the heatmaps computed the whole sentence without moving the student's step.
  await expect(page.getByRole('status').first()).toHaveText('Step t = 0 of 5: token “the”');

  await hoverCell(page, 'hidden state h_t', 6, 6, 4, 2);
  await expect(page.getByRole('tooltip')).toHaveText(drawn(`Step 4, token “the”, unit 3, h_t = ${formatValue(tr[4]!.h[2]!)}`));
  await expect(page.getByRole('tooltip').locator('sub')).toHaveText('t');
  await hoverCell(page, 'forget gate f_t', 6, 6, 1, 5);
  await expect(page.getByRole('tooltip')).toHaveText(drawn(`Step 1, token “clouds”, unit 6, f_t = ${formatValue((tr[1] as { f: Float64Array }).f[5]!)}`));
  await page.mouse.down();
  await page.mouse.up();
  await expect(page.getByRole('status').first()).toHaveText('Step t = 1 of 5: token “clouds”');
  await expect(page.getByRole('tab', { name: 'Heatmaps' })).toHaveAttribute('aria-selected', 'true');

  // Keyboard: focus announces the cell under the cursor, arrows move it, Enter goes there.
  const readout = page.getByTestId('heatmap-readout');
  await grid(page, 'cell state C_t').focus();
  await expect(readout).toHaveText(`Step 1, token “clouds”, unit 1, C_t = ${formatValue((tr[1] as { c: Float64Array }).c[0]!)}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(readout).toHaveText(`Step 3, token “in”, unit 2, C_t = ${formatValue((tr[3] as { c: Float64Array }).c[1]!)}`);
  // The arrows moved the grid's cursor only: the sentence's step stays until Enter.
  await expect(page.getByRole('status').first()).toHaveText('Step t = 1 of 5: token “clouds”');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('Step t = 3 of 5: token “in”');
  const L = heatmapLayout(6, 6);
  await expect(grid(page, 'cell state C_t').locator('.hm-current')).toHaveCSS('left', `${3 * L.cellW - 1}px`);

  // The current column follows the controls.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(grid(page, 'hidden state h_t').locator('.hm-current')).toHaveCSS('left', `${4 * L.cellW - 1}px`);
});

test('a unit label plots that unit over the sentence as a line', async ({ page }) => {
  await page.goto(`./?view=heatmap&cell=gru&t=2&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByText('Click a unit label')).toBeVisible();
  await page.getByRole('button', { name: 'Plot unit 3 of z_t over time' }).click();
  const z = (engineTrace('gru', CLOUDS)[2] as { z: Float64Array }).z[2]!;
  await expect(page.getByRole('img', { name: `Unit 3 of update gate z_t over the sentence: t = 2, ${formatValue(z)}` })).toBeVisible();
  await expect(page.locator('.hm-line .dot')).toHaveCount(6);
});

test('200 tokens draw on canvas without errors; hover and keyboard still read the engine', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`./?view=heatmap&cell=peephole&t=120&text=${encodeURIComponent(WORDS200)}`);
  await expect(page.getByRole('region', { name: 'Heatmaps of the whole sentence' })).toHaveAttribute('data-mode', 'canvas');
  await expect(page.locator('.hm-surface canvas')).toHaveCount(6);
  const tr = engineTrace('peephole', WORDS200);
  await hoverCell(page, 'input gate i_t', 200, 6, 150, 4);
  await expect(page.getByRole('tooltip')).toHaveText(drawn(`Step 150, token “w150”, unit 5, i_t = ${formatValue((tr[150] as { i: Float64Array }).i[4]!)}`));
  await grid(page, 'hidden state h_t').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('heatmap-readout')).toHaveText(`Step 199, token “w199”, unit 1, h_t = ${formatValue(tr[199]!.h[0]!)}`);
  // The canvas really has colour in it (not a blank image).
  const painted = await page
    .locator('.hm-surface canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k]! > 0) n++;
      return n / (d.length / 4);
    });
  expect(painted).toBeGreaterThan(0.5);
  // One canvas pixel per value, scaled up by CSS: the pixel of (step 150, unit 5) is the colour
  // of the engine's i_t there.
  const pixel = await grid(page, 'input gate i_t')
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => ({
      w: c.width,
      h: c.height,
      rgb: Array.from(c.getContext('2d')!.getImageData(150, 4, 1, 1).data.slice(0, 3)),
    }));
  expect(pixel).toEqual({ w: 200, h: 6, rgb: valueRgb((tr[150] as { i: Float64Array }).i[4]!, 'gate', 'light') });
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    test(`screenshots heatmap ${theme} ${w}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?view=heatmap&t=3&theme=${theme}&text=${encodeURIComponent(CLOUDS)}`);
      await page.evaluate(() => document.fonts.ready);
      await page.getByRole('button', { name: 'Plot unit 2 of C_t over time' }).click();
      // The keyboard cursor shows the same tooltip as hover (a screenshot may move the mouse away).
      await grid(page, 'cell state C_t').focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowDown');
      const region = page.getByRole('region', { name: 'Heatmaps of the whole sentence' });
      await region.screenshot({ path: `test-results/shots/heatmap-${theme}-${w}.png` });
      await page.goto(`./?view=heatmap&t=120&theme=${theme}&text=${encodeURIComponent(WORDS200)}`);
      await grid(page, 'hidden state h_t').focus();
      await page.keyboard.press('ArrowDown');
      await region.screenshot({ path: `test-results/shots/heatmap-200-${theme}-${w}.png` });
    });
  }
}
