import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ALL_KINDS, createRng, influence, kindOf, type Model, predict, randomParams, runStack, stackInfluence, stackOf } from '../src/engine';
import { randomTableModel } from '../src/models/random';
import { toModelFile } from '../src/models/write-format';
import { readModelFile } from '../src/models/format';
import { embedAll } from '../src/store/history';
import { tokenize } from '../src/text/tokenize';
import { drawn, expectTableMatches } from './helpers';

/**
 * A 2-layer LSTM trained nowhere but exported from real PyTorch by the README's export_pytorch
 * (scripts/pytorch-fixtures.py): picked in "Load your own model…", every layer is shown with the
 * engine's numbers, the prediction is PyTorch's (it reads the top layer), and a link keeps the layer.
 */
const FILE = 'scripts/fixtures/pytorch/lstm-2.json';
const TEXT = 'the movie was not good';

test('a stacked PyTorch model: the layer picker, each layer’s numbers, PyTorch’s prediction, the stacked chain', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const m = readModelFile(JSON.parse(readFileSync(FILE, 'utf8'))).model;
  const words = tokenize(TEXT).tokens;
  const { layers } = runStack(
    stackOf(m),
    embedAll(m, words).map((e) => e.x),
  );
  await page.goto(`./?text=${encodeURIComponent(TEXT)}&cell=lstm`);
  await page.getByTestId('own-model-input').setInputFiles(FILE);
  await expect(page.getByTestId('model-origin')).toContainText('lstm-2.json');
  await expect(page.getByRole('region', { name: 'Model' })).toContainText('3→4→4 · 2 layers');

  const picker = page.getByRole('radiogroup', { name: 'Layer of the stack (2 layers)' });
  await expect(picker.getByRole('radio', { name: 'Layer 1' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('layer-role')).toHaveText(drawn('This layer reads the words: its x_t is the word’s embedding.'));
  await page.getByRole('slider', { name: 'Timestep' }).fill('3');
  await expectTableMatches(page, layers[0]![3]!, 3);

  // Layer 2: its x_t is layer 1's h_t; the table is layer 2's.
  await picker.getByRole('radio', { name: 'Layer 2' }).click();
  await expect(page.getByTestId('layer-role')).toHaveText(drawn('This layer reads layer 1: its x_t is layer 1’s h_t at the same step. The prediction reads this layer’s h_t.'));
  await expectTableMatches(page, layers[1]![3]!, 3);
  expect(Array.from(layers[1]![3]!.x)).toEqual(Array.from(layers[0]![3]!.h));
  await expect(page).toHaveURL(/layer=2/);

  // The prediction is PyTorch's own (the head on the top layer's h).
  const expected = JSON.parse(readFileSync(FILE.replace('.json', '.expected.json'), 'utf8')) as { steps: { p: number }[] };
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - expected.steps[3]!.p)).toBeLessThan(1e-5);

  // The keyboard moves between layers (a radio group).
  await picker.getByRole('radio', { name: 'Layer 2' }).press('ArrowLeft');
  await expect(picker.getByRole('radio', { name: 'Layer 1' })).toBeFocused();
  await expect(picker.getByRole('radio', { name: 'Layer 1' })).toHaveAttribute('aria-checked', 'true');

  // The chain draws the stack: layer 2's row above layer 1's; a cell of layer 2 opens that layer.
  await page.getByRole('tab', { name: 'Unrolled chain' }).click();
  const top = page.getByRole('group', { name: 'LSTM layer 2 unrolled over the sentence' });
  const bottom = page.getByRole('group', { name: 'LSTM layer 1 unrolled over the sentence' });
  const [a, b] = [(await top.boundingBox())!, (await bottom.boundingBox())!];
  expect(a.y + a.height).toBeLessThanOrEqual(b.y); // layer 2 above layer 1
  await top.getByRole('button', { name: /^step 2, token “was”/ }).click();
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toHaveAttribute('aria-selected', 'true');
  await expect(picker.getByRole('radio', { name: 'Layer 2' })).toHaveAttribute('aria-checked', 'true');
  await expectTableMatches(page, layers[1]![2]!, 2);
  await page.screenshot({ path: 'test-results/stacked-diagram.png' });
  expect(errors).toEqual([]);
});

for (const [ext, base] of [
  ['safetensors', 'gru-2'],
  ['onnx', 'readme-lstm-2'],
] as const) {
  test(`a stack as a real .${ext} file (PyTorch's own) with its vocabulary file: PyTorch's prediction at every step`, async ({ page }) => {
    const path = `scripts/fixtures/pytorch/${base}`;
    const expected = JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as { text: string; steps: { p: number }[] };
    await page.goto(`./?text=${encodeURIComponent(expected.text)}&cell=lstm`);
    await page.getByTestId('own-model-input').setInputFiles([`${path}.${ext}`, `${path}.vocab.txt`]);
    await expect(page.getByTestId('model-origin')).toContainText(`${base}.${ext} + ${base}.vocab.txt`);
    await expect(page.getByRole('radiogroup', { name: 'Layer of the stack (2 layers)' })).toBeVisible();
    for (const t of [0, 4, expected.steps.length - 1]) {
      await page.getByRole('slider', { name: 'Timestep' }).fill(String(t));
      await expect(page.locator('.step-status')).toContainText(`Step t = ${t} of`);
      const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
      expect(Math.abs(shown - expected.steps[t]!.p), `step ${t}`).toBeLessThan(1e-5);
    }
  });
}

test('the shipped stacked model: one click under Sentiment, a link that keeps it, the prediction from its top layer', async ({ page }) => {
  const m = readModelFile(JSON.parse(readFileSync('public/models/sentiment-lstm-2layers.json', 'utf8'))).model;
  const words = tokenize(TEXT).tokens;
  const { layers } = runStack(
    stackOf(m),
    embedAll(m, words).map((e) => e.x),
  );
  await page.goto(`./?model=sentiment-lstm&text=${encodeURIComponent(TEXT)}&t=3`);
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  const toggle = page.getByRole('checkbox', { name: 'Two stacked layers (LSTM)' });
  await expect(toggle).not.toBeChecked();
  // Checked once the model has loaded (the box says which model is on screen).
  await toggle.click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm-2layers');
  await expect(page).toHaveURL(/model=sentiment-lstm-2layers/);
  await expect(page.getByRole('radiogroup', { name: 'Layer of the stack (2 layers)' })).toBeVisible();
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - predict(m.head!, layers[1]![3]!.h)[1]!)).toBeLessThan(1e-12);
  await page.getByRole('button', { name: 'Show all 24 units' }).click();
  await expectTableMatches(page, layers[0]![3]!, 3);
  // The link opens it again, on layer 2.
  await page.goto(`./?model=sentiment-lstm-2layers&text=${encodeURIComponent(TEXT)}&t=3&layer=2`);
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm-2layers');
  await expect(page.getByRole('radio', { name: 'Layer 2' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Show all 24 units' }).click();
  await expectTableMatches(page, layers[1]![3]!, 3);
  await page.getByRole('checkbox', { name: 'Two stacked layers (LSTM)' }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.getByRole('radiogroup', { name: /Layer of the stack/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Two stacked layers (LSTM)' })).not.toBeChecked();
});

test('the gradient view measures a stack where its head reads: the top layer’s chain, and layer 1 through the stack (the engine’s numbers)', async ({ page }) => {
  const m = readModelFile(JSON.parse(readFileSync('public/models/sentiment-lstm-2layers.json', 'utf8'))).model;
  const words = tokenize(TEXT).tokens;
  const stack = stackOf(m);
  const { layers } = runStack(
    stack,
    embedAll(m, words).map((e) => e.x),
  );
  const rms = 1 / Math.sqrt(stack[1]!.hiddenSize);
  const top = influence(stack[1]!, layers[1]!, words.length);
  const through = stackInfluence(stack, layers, words.length).gain[0]!;
  await page.goto(`./?model=sentiment-lstm-2layers&text=${encodeURIComponent(TEXT)}&view=gradient`);
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm-2layers');
  await expect(page.getByTestId('flow-layer-note')).toContainText('layer 2 (the top)');
  const chart = page.locator('figure.flow-chart').filter({ hasText: 'LSTM: influence on the last step' });
  await expect(chart.locator('.flow-legend')).toContainText(drawn('‖∂h_T/∂h_t‖, layer 2 (top)'));
  await expect(chart.locator('.flow-legend')).toContainText('from layer 1, through the stack');
  await expect(chart.locator('path.flow-line.through')).toHaveCount(1);

  await page.getByText('Numbers (RMS gain').click();
  const table = page.getByRole('table', { name: 'Gradient gain from the last step back to each token' });
  const heads = (await table.locator('thead th').allTextContents()).slice(2);
  const col = async (head: string) => {
    const c = heads.indexOf(head);
    expect(c, head).toBeGreaterThanOrEqual(0);
    return table.locator('tbody tr').evaluateAll((rows, k) => rows.map((r) => Number(r.querySelectorAll('td[data-value]')[k]!.getAttribute('data-value'))), c);
  };
  const h = await col(drawn('LSTM · ‖∂h_T/∂h_t‖, layer 2 (top)'));
  const from1 = await col('LSTM · from layer 1, through the stack');
  words.forEach((_, k) => {
    expect(Math.abs(h[k]! - top.h[k + 1]! * rms) / (top.h[k + 1]! * rms), `top, token ${k}`).toBeLessThan(1e-9);
    expect(Math.abs(from1[k]! - through[k + 1]! * rms) / (through[k + 1]! * rms), `layer 1, token ${k}`).toBeLessThan(1e-9);
  });
  await page.screenshot({ path: 'test-results/shots/gradient-stacked-1280.png', fullPage: true });
});

/**
 * A stack of each of today's kinds (minGRU, minLSTM, sLSTM, mLSTM), two small seeded random layers
 * loaded as the reader's own file: both layers' numbers on screen are runStack's, layer 2 reads
 * layer 1's h_t, and the prediction reads the top layer. Random weights, not trained: what is
 * checked is how a stack of these kinds is run and shown, not what it learned.
 */
for (const kind of ALL_KINDS.filter((k) => kindOf(k).group === 'today')) {
  test(`a 2-layer ${kind} stack: each layer's numbers and the prediction are the engine's`, async ({ page }) => {
    const words = tokenize(TEXT).tokens;
    const bottom = randomTableModel(kind, 4, 5, words, 17, `stack-${kind}`);
    const m: Model = { ...bottom, above: [randomParams(kind, 5, 5, createRng(23))] };
    const { layers } = runStack(
      stackOf(m),
      embedAll(m, words).map((e) => e.x),
    );
    await page.goto(`./?text=${encodeURIComponent(TEXT)}&cell=${kind}`);
    const file = { name: `stack-${kind}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(toModelFile(m, {}, 'exact'))) };
    await page.getByTestId('own-model-input').setInputFiles(file);
    await expect(page.getByTestId('model-origin')).toContainText(`stack-${kind}.json`);
    const picker = page.getByRole('radiogroup', { name: 'Layer of the stack (2 layers)' });
    await page.getByRole('slider', { name: 'Timestep' }).fill('3');
    await expectTableMatches(page, layers[0]![3]!, 3);
    await picker.getByRole('radio', { name: 'Layer 2' }).click();
    await expectTableMatches(page, layers[1]![3]!, 3);
    expect(Array.from(layers[1]![3]!.x)).toEqual(Array.from(layers[0]![3]!.h));
    const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
    // Chromium's V8 and Node's may differ in the last bits of exp: equal to 1e-12.
    expect(Math.abs(shown - predict(m.head!, layers[1]![3]!.h)[1]!)).toBeLessThan(1e-12);
  });
}
