import { expect, test, type Locator, type Page } from '@playwright/test';
import { runTrace } from './helpers';
import { WELCOME, WELCOME_ZH } from '../src/store/urlParams';

/**
 * The page is the figure: a bare address opens a trained model at a step where something
 * happens, and on a classroom projector (1280 × 720, 1366 × 768) the open view's figure is on
 * the first screen together with the sentence, the tokens and the step controls.
 */
const WELCOME_TEXT = 'the movie was not good';

async function inViewport(page: Page, el: Locator, what: string) {
  const box = (await el.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom at ${vp.width}×${vp.height}`).toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(vp.width);
}

test('a bare address opens the trained sentiment LSTM at “not”, and its prediction is the engine’s', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(WELCOME_TEXT);
  await expect(page.locator('.step-status')).toHaveText('Step t = 3 of 4: token “not”');
  const want = runTrace('sentiment-lstm', WELCOME_TEXT).steps[3]!.prediction[1]!;
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - want)).toBeLessThan(1e-12);
  // The untrained demo is one click away.
  await page.getByRole('radio', { name: 'Demo (untrained)' }).click();
  await expect(page.locator('.model-info code')).toHaveText('demo-lstm');
});

test('while the opening model loads, the view says so and draws nothing; then the figure is the trained model’s', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/sentiment-lstm.json', async (route) => {
    await held;
    await route.continue();
  });
  // A link that names only the theme: still the welcome, but not the bare address, whose first
  // screen is drawn in advance at build time (e2e/prerender.spec.ts) and shows no loading at all.
  await page.goto('./?theme=light');
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText('Loading sentiment-lstm…');
  // No stand-in: neither the demo cell's figure nor its values or report.
  await expect(page.locator('svg.diagram')).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.locator('.model-info')).toHaveCount(0);
  release();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.locator('svg.diagram')).toHaveAttribute('aria-label', /LSTM cell at step t = 3/);
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
});

for (const [w, h] of [
  [1280, 720],
  [1366, 768],
] as const) {
  test(`at ${w}×${h} each view’s figure is on the first screen with the sentence, tokens and controls`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const figures: Record<string, (p: Page) => Locator[]> = {
      cell: (p) => [p.getByRole('group', { name: 'LSTM cell at step t = 3' })],
      unrolled: (p) => [p.getByRole('group', { name: 'RNN unrolled over the sentence', exact: true }), p.getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true })],
      gradient: (p) => [p.getByRole('img', { name: /^RNN: influence on the last step/ }), p.getByRole('img', { name: /^LSTM: influence on the last step/ })],
    };
    for (const [view, find] of Object.entries(figures)) {
      await page.goto(`./?view=${view}`);
      await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
      for (const f of find(page)) {
        await expect(f).toBeVisible();
        await inViewport(page, f, `${view} figure`);
      }
      await inViewport(page, page.getByRole('textbox', { name: 'Sentence' }), 'sentence');
      await inViewport(page, page.getByRole('list', { name: 'Tokens' }), 'tokens');
      await inViewport(page, page.getByRole('button', { name: 'Step forward' }), 'step forward');
      await inViewport(page, page.getByRole('slider', { name: 'Timestep' }), 'timestep');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    }
  });
}

test('at 1920×1080 the prediction is on the first screen too', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await inViewport(page, page.getByRole('group', { name: 'LSTM cell at step t = 3' }), 'cell');
  await inViewport(page, page.getByTestId('prediction'), 'prediction');
});

for (const lang of ['en', 'zh'] as const)
  for (const theme of ['light', 'dark'] as const)
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
      [390, 844],
    ] as const)
      test(`first screen ${lang} ${theme} ${w}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(`./?lang=${lang}&theme=${theme}`);
        // A Chinese page opens on the Chinese sentiment model; an English one on the English.
        await expect(page.locator('.model-info code')).toHaveText((lang === 'zh' ? WELCOME_ZH : WELCOME).model);
        const cell = page.locator('svg.diagram');
        await expect(cell).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        if (w >= 1024) await inViewport(page, cell, 'cell');
        else {
          // A phone: the figure is one scroll away and fills the width.
          const box = (await cell.boundingBox())!;
          expect(box.y).toBeLessThan(2 * h);
          expect(box.width).toBeGreaterThan(w - 40);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
        await page.screenshot({ path: `test-results/shots/first-${lang}-${theme}-${w}.png` });
      });
