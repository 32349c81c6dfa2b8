/** Bring your own model: the file input, the weights= link parameter, and their failures. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { embedToken, type Model, run, type StepTrace } from '../src/engine';
import { toPytorch } from '../src/engine/importers';
import { randomTableModel } from '../src/models/random';
import { readSafetensors, readVocab, stateDictToModel, writeSafetensors } from '../src/models/safetensors';
import { parseModelFile } from '../src/models/format';
import { tokenize } from '../src/text/tokenize';
import { bpttGains, expectTableMatches, randomModelFile } from './helpers';

const EXAMPLE = 'models/examples/tiny-pytorch-lstm.json';
const exampleText = readFileSync(`public/${EXAMPLE}`, 'utf8');
const TEXT = 'the clouds are in the sky';

/** The engine's trace for the example file, parsed here, independently of the page. */
function exampleTrace(text: string): StepTrace[] {
  const m = parseModelFile(JSON.parse(exampleText));
  return run(
    m.cell,
    tokenize(text).tokens.map((w) => embedToken(m.embedding, w).x),
  ).traces;
}

test('load the example file: it becomes the model, and the table shows the engine’s numbers', async ({ page }) => {
  await page.goto('./?cell=lstm');
  await page.getByTestId('own-model-input').setInputFiles(`public/${EXAMPLE}`);
  await expect(page.locator('.model-info code')).toHaveText('tiny-pytorch-lstm');
  await expect(page.getByTestId('model-origin')).toContainText('tiny-pytorch-lstm.json');
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(TEXT);
  const trace = exampleTrace(TEXT);
  await expectTableMatches(page, trace[0]!, 0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectTableMatches(page, trace[2]!, 2);
});

test('a broken file: the message names the field and the shapes; the previous model stays', async ({ page }) => {
  await page.goto('./?cell=gru');
  await expect(page.locator('.model-info code')).toHaveText('demo-gru');
  const f = JSON.parse(exampleText);
  f.cell.weights.weight_hh_l0.pop(); // 23 rows: not 4 gates × 6 hidden
  await page.getByTestId('own-model-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f)) });
  const alert = page.locator('.model-status [role=alert]');
  await expect(alert).toContainText('Could not load broken.json; still showing demo-gru.');
  await expect(page.getByTestId('load-error-detail')).toHaveText(/^cell\.weights\.weight_hh_l0: expected shape \[24\]\[6\], found \[23\]\[6\]/);
  await expect(page.locator('.model-info code')).toHaveText('demo-gru');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('weights= loads the example; a bad weights= value gives a notice and loads nothing', async ({ page }) => {
  await page.goto(`./?weights=${encodeURIComponent(EXAMPLE)}`);
  await expect(page.locator('.model-info code')).toHaveText('tiny-pytorch-lstm');
  await expect(page.getByTestId('model-origin')).toContainText(EXAMPLE);
  await expect(page).toHaveURL(/weights=models%2Fexamples%2Ftiny-pytorch-lstm\.json/);
  await expectTableMatches(page, exampleTrace(TEXT)[0]!, 0);

  await page.goto(`./?weights=${encodeURIComponent('https://evil.example/m.json')}`);
  await expect(page.getByRole('alert').filter({ hasText: 'Some link settings were ignored' })).toContainText(
    '“weights=https://evil.example/m.json” is not a relative path to a .json file on this site',
  );
  await expect(page.locator('.model-info code')).toHaveText('demo-lstm');

  // A missing file: the preview server answers with the app's page, which is "not found", not "not JSON".
  await page.goto(`./?weights=${encodeURIComponent('models/nope.json')}`);
  await expect(page.getByTestId('load-error-detail')).toHaveText('models/nope.json: not found (the server answered with a web page, not the file)');
  await expect(page.locator('.model-status [role=alert]')).not.toContainText('not valid JSON');
  await expect(page.locator('.model-info code')).toHaveText('demo-lstm');
});

test('in Chinese, the error and the notice are translated', async ({ page }) => {
  await page.goto(`./?lang=zh&weights=..%2Fx.json`);
  await expect(page.getByRole('alert').first()).toContainText('不是本站 .json 文件的相对路径');
  await page.getByTestId('own-model-input').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(page.locator('.model-status [role=alert]')).toContainText('无法加载 x.json');
  await expect(page.locator('.model-status [role=alert]')).toContainText('该文件不是有效的 JSON。');
});

test('vocabulary words the tokenizer never produces are named on load (a str.split() vocabulary)', async ({ page }) => {
  await page.goto('./?text=great%2C%20really%20great');
  // Built as Python's str.split() would: "great," and "u.s." kept whole.
  await page.getByTestId('own-model-input').setInputFiles(randomModelFile('gru', 4, 6, ['great,', 'really', 'great', 'u.s.', 'film'], 3));
  await expect(page.getByTestId('model-origin')).toContainText('random-gru-6.json');
  await expect(page.getByTestId('vocab-unreachable')).toContainText('2 of 6 vocabulary entries can never be matched (e.g. “great,”, “u.s.”)');
  await expect(page.getByTestId('vocab-unreachable')).toContainText('"great," → "great" ","');
  // What the student typed: "great," is two tokens, "great" and ",", and the comma is unknown.
  await expect(page.getByRole('list', { name: 'Tokens' }).getByRole('button')).toHaveText(['0great', '1,<unk>', '2really', '3great']);
});

test('a PyTorch state_dict as .safetensors, picked with its vocabulary file, runs with the engine’s numbers; a broken .onnx is named', async ({ page }) => {
  const words = ['the', 'clouds', 'are', 'in', 'sky'];
  const m = randomTableModel('gru', 4, 6, words, 5);
  if (m.embedding.kind !== 'table') throw new Error('table');
  const rows = (x: { rows: number; cols: number; data: ArrayLike<number> }) => Array.from({ length: x.rows }, (_, r) => Array.from(x.data).slice(r * x.cols, (r + 1) * x.cols));
  const t: Record<string, number[] | number[][]> = { 'emb.weight': rows(m.embedding.table) };
  for (const [k, v] of Object.entries(toPytorch(m.cell))) t[`net.gru.${k}`] = v as number[] | number[][];
  t['out.weight'] = rows(m.head!.W);
  t['out.bias'] = Array.from(m.head!.b);
  const weights = { name: 'tiny-gru.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from(writeSafetensors(t, {}, 'F64')) };
  const vocab = { name: 'vocab.txt', mimeType: 'text/plain', buffer: Buffer.from(`${m.embedding.vocab.join('\n')}\n`) };
  await page.goto(`./?text=${encodeURIComponent(TEXT)}`);
  await page.getByTestId('own-model-input').setInputFiles([weights, vocab]);
  await expect(page.getByTestId('model-origin')).toContainText('tiny-gru.safetensors + vocab.txt');
  await expect(page.locator('.model-info code')).toHaveText('tiny-gru');
  const trace = run(
    m.cell,
    tokenize(TEXT).tokens.map((w) => embedToken(m.embedding, w).x),
  ).traces;
  await expectTableMatches(page, trace[0]!, 0);
  // Without its vocabulary: the message names the file and what to add; the model stays.
  await page.getByTestId('own-model-input').setInputFiles([weights]);
  await expect(page.getByRole('alert')).toContainText('tiny-gru.safetensors: holds no vocabulary: drop the vocabulary file');
  await expect(page.locator('.model-info code')).toHaveText('tiny-gru');
  await page.getByTestId('own-model-input').setInputFiles([{ name: 'model.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from([8, 7, 18, 0]) }]);
  await expect(page.getByRole('alert')).toContainText('model.onnx: has no graph (no nodes): not an ONNX model');
  await expect(page.locator('.model-info code')).toHaveText('tiny-gru');
});

test('a relu nn.RNN (real PyTorch files: .json, .safetensors, .onnx) loads by every route: the layer says relu, the table the engine’s numbers past 1, the gradient view the engine’s BPTT gains', async ({
  page,
}) => {
  const name = 'rnn-relu-1';
  const dir = `scripts/fixtures/pytorch/${name}`;
  // PyTorch's sentence for this model: its words are in the vocabulary, and its state goes past 20.
  const text = (JSON.parse(readFileSync(`${dir}.expected.json`, 'utf8')) as { text: string }).text;
  const traceOf = (m: Model) => {
    expect(m.cell).toMatchObject({ kind: 'rnn', activation: 'relu' });
    return run(
      m.cell,
      tokenize(text).tokens.map((w) => embedToken(m.embedding, w).x),
    ).traces;
  };
  // The JSON holds 9 digits; the .safetensors and the .onnx the same float32 weights, read here
  // from the .safetensors.
  const fromJson = traceOf(parseModelFile(JSON.parse(readFileSync(`${dir}.json`, 'utf8'))));
  const st = readSafetensors(readFileSync(`${dir}.safetensors`), `${name}.safetensors`);
  const vocab = readVocab(readFileSync(`${dir}.vocab.txt`, 'utf8'), `${name}.vocab.txt`);
  const float32 = stateDictToModel(st.tensors, st.metadata, vocab, `${name}.safetensors`).model;
  const fromFloat32 = traceOf(float32);
  const last = fromJson.length - 1;
  expect(Math.max(...fromJson[0]!.h)).toBeGreaterThan(1);
  expect(Math.max(...fromJson[last]!.h)).toBeGreaterThan(10);
  await page.goto(`./?text=${encodeURIComponent(text)}`);
  for (const [files, trace] of [
    [[`${dir}.json`], fromJson],
    [[`${dir}.safetensors`, `${dir}.vocab.txt`], fromFloat32],
    [[`${dir}.onnx`, `${dir}.vocab.txt`], fromFloat32],
  ] as const) {
    await page.getByTestId('own-model-input').setInputFiles(files);
    await expect(page.getByTestId('model-origin')).toContainText(files[0]!.split('/').pop()!);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^relu layer → / })).toBeVisible();
    await expect(page.getByRole('button', { name: /^tanh layer → / })).toHaveCount(0);
    const slider = page.getByRole('slider', { name: 'Timestep' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expectTableMatches(page, trace[0]!, 0);
    await slider.focus();
    await page.keyboard.press('End');
    await expectTableMatches(page, trace[last]!, last);
  }
  // The gradient view of the model now loaded (the .onnx): the engine's BPTT gains, through relu.
  await page.getByRole('tab', { name: 'Gradient flow' }).click();
  await page.getByText('Numbers (RMS gain').click();
  const table = page.getByRole('table', { name: 'Gradient gain from the last step back to each token' });
  await expect(table).toBeVisible();
  const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td[data-value]')!.getAttribute('data-value'))));
  const gains = bpttGains(float32.cell, float32.embedding, tokenize(text).tokens).h;
  expect(shown.length).toBe(gains.length);
  shown.forEach((x, k) => expect(Math.abs(x - gains[k]!) / Math.max(1e-300, Math.abs(gains[k]!)), `gain ${k}`).toBeLessThan(1e-9));
  expect(gains.every(Number.isFinite)).toBe(true);
});
