import { expect, test, type Page } from '@playwright/test';
import { demoModel } from '../src/models/demo';
import { tokenize } from '../src/text/tokenize';
import type { CellParams } from '../src/engine';
import { withFiller } from '../src/viz/gradientFlow';
import { bpttGains, drawn, randomModelFile } from './helpers';
import { readModelFile } from '../src/models/format';
import { FLOW_SYNC_LIMIT, flowCost } from '../src/viz/gradientFlow';

/** The LSTM with its forget-gate input bias raised by `delta` (what the bias slider does). */
function forgetBiasPlus(p: CellParams, delta: number): CellParams {
  if (p.kind !== 'lstm') throw new Error('lstm only');
  return { ...p, gates: { ...p.gates, f: { ...p.gates.f, bW: p.gates.f.bW.map((b) => b + delta) } } };
}

async function readFlowTable(page: Page, caption = 'Gradient gain from the last step back to each token') {
  const details = page.locator('details.flow-numbers');
  if ((await details.getAttribute('open')) === null) await page.getByText('Numbers (RMS gain').click();
  const table = page.getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  const heads = await table.locator('thead th').allTextContents();
  // One read of every row (a round trip per row made a 100-token table take half a minute).
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td[data-value]'), (e) => Number(e.getAttribute('data-value')))));
  const n = rows.length;
  const cols: number[][] = heads.slice(2).map(() => []);
  for (const vals of rows) vals.forEach((v, c) => cols[c]!.push(v));
  return { heads: heads.slice(2), cols, n };
}

const close = (a: number[], b: number[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((x, k) => expect(Math.abs(x - b[k]!) / Math.max(1e-300, Math.abs(b[k]!)), `index ${k}`).toBeLessThan(1e-9));
};

test('the gradient view shows the engine BPTT gains for RNN and LSTM, and follows fillers and forget bias', async ({ page }) => {
  const text = 'I grew up in France';
  await page.goto(`./?text=${encodeURIComponent(text)}&view=gradient`);
  await expect(page.getByRole('tab', { name: 'Gradient flow' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('img', { name: /RNN: influence on the last step/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /LSTM: influence on the last step/ })).toBeVisible();

  const tokens = tokenize(text).tokens;
  const rnn = demoModel('rnn');
  const lstm = demoModel('lstm');
  let shown = await readFlowTable(page);
  expect(shown.heads).toEqual(['RNN · ‖∂h_T/∂h_t‖', 'LSTM · ‖∂h_T/∂h_t‖', 'LSTM · ‖∂C_T/∂C_t‖', 'LSTM · belt ∏ f'].map(drawn));
  let r = bpttGains(rnn.cell, rnn.embedding, tokens);
  let l = bpttGains(lstm.cell, lstm.embedding, tokens);
  close(shown.cols[0]!, r.h);
  close(shown.cols[1]!, l.h);
  close(shown.cols[2]!, l.c!);
  close(shown.cols[3]!, l.belt!);

  // 20 filler words and the forget bias at +6: the numbers follow, and the belt now carries.
  const fill = page.getByRole('slider', { name: 'Filler words' });
  await fill.fill('20');
  const bias = page.getByRole('slider', { name: 'Forget-gate bias' });
  await bias.fill('6');
  const seq = withFiller(tokens, 20);
  r = bpttGains(rnn.cell, rnn.embedding, seq);
  l = bpttGains(forgetBiasPlus(lstm.cell, 6), lstm.embedding, seq);
  await expect(page.getByRole('table', { name: 'Gradient gain from the last step back to each token' }).locator('tbody tr')).toHaveCount(25);
  shown = await readFlowTable(page);
  close(shown.cols[0]!, r.h);
  close(shown.cols[1]!, l.h);
  close(shown.cols[2]!, l.c!);
  close(shown.cols[3]!, l.belt!);
  expect(l.belt![0]!).toBeGreaterThan(100 * r.h[0]!);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'test-results/shots/gradient-light-1280.png', fullPage: true });
});

test('the gradient view compares the chosen kind with the RNN (GRU)', async ({ page }) => {
  await page.goto('./?text=a%20b%20c&view=gradient&cell=gru&theme=dark');
  await expect(page.getByRole('img', { name: /GRU: influence on the last step/ })).toBeVisible();
  const gru = demoModel('gru');
  const shown = await readFlowTable(page);
  expect(shown.heads).toEqual(['RNN · ‖∂h_T/∂h_t‖', 'GRU · ‖∂h_T/∂h_t‖'].map(drawn));
  close(shown.cols[1]!, bpttGains(gru.cell, gru.embedding, ['a', 'b', 'c']).h);
  await page.screenshot({ path: 'test-results/shots/gradient-dark-1280.png', fullPage: true });
});

test('measured back from the current step, from a link that also sets the knobs', async ({ page }) => {
  const text = 'I grew up in France';
  await page.goto(`./?text=${encodeURIComponent(text)}&view=gradient&t=2&from=current&bias=2`);
  await expect(page.getByRole('radio', { name: 'the current step' })).toBeChecked();
  await expect(page.getByRole('img', { name: /LSTM: influence on step t = 2/ })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Filler words' })).toBeDisabled();
  const lstm = demoModel('lstm');
  const shown = await readFlowTable(page, 'Gradient gain from step t = 2 back to each token');
  expect(shown.n).toBe(3);
  const l = bpttGains(forgetBiasPlus(lstm.cell, 2), lstm.embedding, tokenize(text).tokens.slice(0, 3));
  close(shown.cols[1]!, l.h);
  close(shown.cols[2]!, l.c!);
  close(shown.cols[3]!, l.belt!);

  // Back to the last token: fillers come back, and the address bar keeps what was set.
  await page.getByRole('radio', { name: 'the last token' }).check();
  await page.getByRole('slider', { name: 'Filler words' }).fill('7');
  await expect(page).toHaveURL(/fillers=7/);
  await expect(page).toHaveURL(/bias=2/);
  await expect(page).not.toHaveURL(/from=/);
});

test('the gradient view at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?text=I%20grew%20up%20in%20France&view=gradient&fillers=20');
  await expect(page.getByRole('img', { name: /RNN: influence on the last step/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: 'test-results/shots/gradient-light-390.png', fullPage: true });
});

test('a large cell’s gradient flow computes in the background: the page keeps answering, with progress and a cancel', async ({ page }) => {
  test.setTimeout(120_000);
  const words = Array.from({ length: 200 }, (_, k) => `w${k % 50}`);
  await page.goto(`./?text=${encodeURIComponent(words.join(' '))}`);
  // Hidden 512, 200 tokens: about 15 s of work for the RNN's chart (a minute for an LSTM).
  await page.getByTestId('own-model-input').setInputFiles(randomModelFile('rnn', 8, 512, words, 3));
  await expect(page.getByTestId('model-origin')).toContainText('random-rnn-512.json');
  await page.getByRole('tab', { name: 'Gradient flow' }).click();
  const computing = page.getByRole('status').filter({ hasText: 'Computing the gradient flow of this large cell' }).first();
  await expect(computing).toBeVisible();
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  // The page answers while the worker computes: another view opens and steps.
  await page.getByRole('tab', { name: 'Heatmaps' }).click();
  await expect(page.locator('.hm-panel').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Gradient flow' }).click();
  await expect(computing).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).first().click();
  await expect(page.getByText('Cancelled: this cell is large').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compute it' }).first()).toBeVisible();
});

test('a flow computed in the worker is the engine’s (GRU hidden 48, 100 tokens: past the in-page limit)', async ({ page }) => {
  const words = Array.from({ length: 100 }, (_, k) => `w${k % 30}`);
  await page.goto(`./?text=${encodeURIComponent(words.join(' '))}`);
  const f = randomModelFile('gru', 8, 48, words, 11);
  await page.getByTestId('own-model-input').setInputFiles(f);
  await expect(page.getByTestId('model-origin')).toContainText('random-gru-48.json');
  await page.getByRole('tab', { name: 'Gradient flow' }).click();
  const shown = await readFlowTable(page);
  expect(shown.n).toBe(100);
  const m = readModelFile(JSON.parse(f.buffer.toString('utf8'))).model;
  expect(flowCost(m, words.length)).toBeGreaterThan(FLOW_SYNC_LIMIT);
  const g = bpttGains(m.cell, m.embedding, words);
  expect(shown.heads[1]).toBe(drawn('GRU · ‖∂h_T/∂h_t‖'));
  close(shown.cols[1]!, g.h);
});
