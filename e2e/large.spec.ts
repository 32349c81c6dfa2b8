import { expect, test } from '@playwright/test';
import { predict, run, stackOf } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { embedAll } from '../src/store/history';
import { cheapToRun } from '../src/store/sentenceTraces';
import { expectTableMatches, randomModelFile, showValuesTable } from './helpers';
import { randomTableModel } from '../src/models/random';
import { writeSafetensors } from '../src/models/safetensors';
import { toPytorch } from '../src/engine/importers';
import { READ_IN_WORKER_BYTES } from '../src/store/modelReader';

/**
 * A large own model (hidden 320, 200 tokens: about a tenth of a second per whole run, sliced):
 * the prediction curve and the heatmaps come from one sliced run, a jump to the end reuses it,
 * and what they show at the end is the engine's. (The seek's own slices and its status line are
 * unit-tested with a fake clock: sentenceTraces.test.ts.)
 */
test('a large model’s sentence runs once, in slices, for the curve, a far step and the heatmaps, with the engine’s numbers', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const words = Array.from({ length: 200 }, (_, k) => `w${k % 40}`);
  await page.goto(`./?text=${encodeURIComponent(words.join(' '))}`);
  const f = randomModelFile('lstm', 8, 320, words, 7);
  const m = readModelFile(JSON.parse(f.buffer.toString('utf8'))).model;
  expect(cheapToRun(stackOf(m), words.length)).toBe(false);
  await page.getByTestId('own-model-input').setInputFiles(f);
  await expect(page.getByTestId('model-origin')).toContainText('random-lstm-320.json');

  // The prediction curve runs the whole sentence in slices (the page answers meanwhile); once it
  // is drawn, a jump to the end reuses those steps: no second run, no "Computing the steps…".
  await expect(page.getByRole('img', { name: 'P(positive) after each token; the current step is the large dot' })).toBeVisible();
  await page.locator('.step-status').evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('slider', { name: 'Timestep' }).fill('199');
  await expect(page.locator('.step-status')).toHaveText('Step t = 199 of 199: token “w39”');
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(
    seen.filter((x) => x.startsWith('Computing')),
    seen.join(' | '),
  ).toEqual([]);

  const traces = run(
    m.cell,
    embedAll(m, words).map((e) => e.x),
  ).traces;
  await showValuesTable(page);
  await page.getByRole('button', { name: 'Show all 320 units' }).click();
  await expectTableMatches(page, traces[199]!, 199);
  const p = predict(m.head!, traces[199]!.h)[1]!;
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - p)).toBeLessThan(1e-12);

  await page.getByRole('tab', { name: 'Heatmaps' }).click();
  await expect(page.locator('.hm-surface canvas')).toHaveCount(6);
  expect(errors).toEqual([]);
});

test('a 2 MB .safetensors state_dict is read in a worker, with the engine’s numbers', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const words = ['the', 'clouds', 'are', 'in', 'sky'];
  const m = randomTableModel('lstm', 8, 256, words, 11);
  if (m.embedding.kind !== 'table') throw new Error('table');
  const rows = (x: { rows: number; cols: number; data: ArrayLike<number> }) => Array.from({ length: x.rows }, (_, r) => Array.from(x.data).slice(r * x.cols, (r + 1) * x.cols));
  const t: Record<string, number[] | number[][]> = { 'emb.weight': rows(m.embedding.table) };
  for (const [k, v] of Object.entries(toPytorch(m.cell))) t[`rnn.${k}`] = v as number[] | number[][];
  t['fc.weight'] = rows(m.head!.W);
  t['fc.bias'] = Array.from(m.head!.b);
  const bytes = Buffer.from(writeSafetensors(t, {}, 'F64'));
  expect(bytes.length).toBeGreaterThan(READ_IN_WORKER_BYTES);
  await page.goto(`./?text=${encodeURIComponent('the clouds are in the sky')}&cell=lstm`);
  await page.getByTestId('own-model-input').setInputFiles([
    { name: 'big.safetensors', mimeType: 'application/octet-stream', buffer: bytes },
    { name: 'vocab.txt', mimeType: 'text/plain', buffer: Buffer.from(`${m.embedding.vocab.join('\n')}\n`) },
  ]);
  await expect(page.getByTestId('model-origin')).toContainText('big.safetensors + vocab.txt');
  const traces = run(
    m.cell,
    embedAll(m, words).map((e) => e.x),
  ).traces;
  await page.getByRole('slider', { name: 'Timestep' }).fill('3');
  await showValuesTable(page);
  await page.getByRole('button', { name: 'Show all 256 units' }).click();
  await expectTableMatches(page, traces[3]!, 3);
  expect(errors).toEqual([]);
});
