import { expect, test } from '@playwright/test';
import { predict, run } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { embedAll } from '../src/store/history';
import { cheapToRun } from '../src/store/sentenceTraces';
import { expectTableMatches, randomModelFile } from './helpers';

/**
 * A large own model (hidden 320, 200 tokens: about a tenth of a second per whole run, sliced):
 * jumping to the end, the prediction curve and the heatmaps come in slices, and what they show
 * at the end is the engine's.
 */
test('a far step of a large model is reached in slices, with a status, and shows the engine’s numbers', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const words = Array.from({ length: 200 }, (_, k) => `w${k % 40}`);
  await page.goto(`./?text=${encodeURIComponent(words.join(' '))}`);
  const f = randomModelFile('lstm', 8, 320, words, 7);
  const m = readModelFile(JSON.parse(f.buffer.toString('utf8'))).model;
  expect(cheapToRun(m.cell, words.length)).toBe(false);
  await page.getByTestId('own-model-input').setInputFiles(f);
  await expect(page.getByTestId('model-origin')).toContainText('random-lstm-320.json');

  // Every text the step status takes, from before the jump.
  await page.locator('.step-status').evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('slider', { name: 'Timestep' }).fill('199');
  await expect(page.locator('.step-status')).toHaveText('Step t = 199 of 199: token “w39”');
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.some((s) => /^Computing the steps up to t = 199: \d+ of 200 done…$/.test(s)), seen.join(' | ')).toBe(true);

  const traces = run(m.cell, embedAll(m, words).map((e) => e.x)).traces;
  await page.getByRole('button', { name: 'Show all 320 units' }).click();
  await expectTableMatches(page, traces[199]!, 199);
  const p = predict(m.head!, traces[199]!.h)[1]!;
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - p)).toBeLessThan(1e-12);
  // The curve over the sentence appears once every step is known.
  await expect(page.getByRole('img', { name: 'P(positive) after each token; the current step is the large dot' })).toBeVisible();

  await page.getByRole('tab', { name: 'Heatmaps' }).click();
  await expect(page.locator('.hm-surface canvas')).toHaveCount(6);
  expect(errors).toEqual([]);
});
