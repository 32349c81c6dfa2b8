import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { predict, run } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { axeViolations } from './helpers';

/**
 * The engine's numbers for a shipped real-series model, computed here from the model file alone:
 * the inputs z_k = round3((ln v_{k+12} − ln v_k − μ) / σ), the output ẑ at every step k, and the
 * passengers it predicts for month k + 13, v_{k+1} · exp(μ + σ ẑ).
 */
function engine(kind: string) {
  const file = readModelFile(JSON.parse(readFileSync(`public/models/series-${kind}.json`, 'utf8')));
  const s = file.meta.series!;
  const v = s.values;
  const zs = v.slice(12).map((x, k) => Math.round(((Math.log(x) - Math.log(v[k]!) - s.mu) / s.sigma) * 1000) / 1000);
  const out = run(
    file.model.cell,
    zs.map((z) => Float64Array.of(z)),
  ).traces.map((tr) => predict(file.model.head!, tr.h)[0]!);
  const level = (k: number) => v[k + 1]! * Math.exp(s.mu + s.sigma * out[k]!);
  let se = 0;
  for (let t = s.testStart; t < v.length; t++) se += (level(t - 13) - v[t]!) ** 2;
  return { zs, out, level, mse: se / (v.length - s.testStart), testStart: s.testStart, values: v };
}

/** The value a y coordinate stands for, read off the chart's own tick marks (as a reader would). */
async function valueAtY(page: Page, y: number): Promise<number> {
  const ticks = await page
    .getByTestId('series-chart')
    .locator('g.y-tick')
    .evaluateAll((gs) => gs.map((g) => ({ v: Number(g.getAttribute('data-value')), y: Number(g.querySelector('line')!.getAttribute('y1')) })));
  const a = ticks[0]!;
  const b = ticks.at(-1)!;
  return a.v + ((y - a.y) / (b.y - a.y)) * (b.v - a.v);
}

const month = (k: number) => `${1949 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

test('the real series: picked, its chart is on the first screen, and the plotted prediction at a step is the engine’s', async ({ page }) => {
  await page.goto('./?cell=gru');
  await page.getByRole('radio', { name: 'Real series: air passengers' }).click();
  await expect(page.locator('.model-info code')).toHaveText('series-gru');
  const chart = page.getByTestId('series-chart');
  await expect(chart.getByRole('heading', { name: /International airline passengers \(AirPassengers\), month by month/ })).toBeVisible();
  // On the first screen at 1280 × 720: the chart with its error strip, and the table of errors.
  const box = (await chart.getByRole('img').boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(box.width).toBeGreaterThan(800);
  const e = engine('gru');
  // The sentence is the series' inputs, one per month from January 1950.
  expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(e.zs.join(', '));

  // Step 110 reads 1959-03 and predicts 1959-04, a test month.
  const k = 110;
  await page.getByRole('slider', { name: 'Timestep' }).fill(String(k));
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toContainText(`Step t = ${k} of`);
  await expect.poll(async () => Math.abs(Number(await page.getByTestId('prediction').getAttribute('data-value')) - e.out[k]!)).toBeLessThanOrEqual(1e-12);
  const dot = page.getByTestId('series-predicted-now');
  await expect(page.getByTestId('series-marker')).toHaveAttribute('data-month', month(k + 13));
  expect(Math.abs(Number(await dot.getAttribute('data-value')) - e.level(k))).toBeLessThan(1e-9);
  // Where it is drawn, measured by the axis: the same number (to the drawing's precision).
  expect(Math.abs((await valueAtY(page, Number(await dot.getAttribute('cy')))) - e.level(k))).toBeLessThan(1e-6);
  // Every test month's plotted prediction, by the axis.
  const dots = await chart.locator('circle.pred-dot').evaluateAll((cs) => cs.map((c) => ({ m: c.getAttribute('data-month')!, cy: Number(c.getAttribute('cy')) })));
  expect(dots).toHaveLength(e.values.length - e.testStart);
  for (const [i, d] of dots.entries()) {
    const t = e.testStart + i;
    expect(d.m).toBe(month(t));
    expect(Math.abs((await valueAtY(page, d.cy)) - e.level(t - 13))).toBeLessThan(1e-6);
  }
  const line = page.getByTestId('series-now');
  await expect(line).toContainText(`predicts ${month(k + 13)}: ${e.level(k).toFixed(1)} (actual ${e.values[k + 13]}`);
  // The errors beside the baselines, on the same 29 months.
  const table = page.getByRole('table', { name: /Errors on the 29 test months \(1958-08 to 1960-12\)/ });
  const mse = Number(await table.locator('tr[data-row="model"] td').first().getAttribute('data-value'));
  expect(Math.abs(mse - e.mse)).toBeLessThan(1e-9);
  await expect(table.locator('tr[data-row="naive"] td').first()).toHaveText('2755');
  await expect(table.locator('tr[data-row="seasonal"] td').first()).toHaveText('2124');
  await expect(chart).not.toContainText('NaN');
});

test('switching the kind updates the chart to the new model’s own predictions', async ({ page }) => {
  await page.goto('./?model=series-gru');
  await expect(page.locator('.model-info code')).toHaveText('series-gru');
  await page.getByRole('slider', { name: 'Timestep' }).fill('120');
  const dot = page.getByTestId('series-predicted-now');
  const gru = engine('gru');
  await expect.poll(async () => Math.abs(Number(await dot.getAttribute('data-value')) - gru.level(120))).toBeLessThan(1e-9);
  await page.getByRole('radio', { name: 'LSTM', exact: true }).click();
  await expect(page.locator('.model-info code')).toHaveText('series-lstm');
  const lstm = engine('lstm');
  expect(Math.abs(lstm.level(120) - gru.level(120))).toBeGreaterThan(0.01);
  await expect.poll(async () => Math.abs(Number(await dot.getAttribute('data-value')) - lstm.level(120))).toBeLessThan(1e-9);
  // Same series, same step: the sentence is kept.
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toContainText('Step t = 120 of');
  const mse = Number(await page.locator('tr[data-row="model"] td').first().getAttribute('data-value'));
  expect(Math.abs(mse - lstm.mse)).toBeLessThan(1e-9);
});

test('edited numbers: the chart says it shows the series as shipped, and one click brings the series back', async ({ page }) => {
  await page.goto('./?model=series-rnn');
  await expect(page.getByTestId('series-predicted-now')).toBeVisible();
  await page.getByRole('textbox', { name: 'Sentence' }).fill('0.1, 0.2, 0.3');
  await expect(page.getByTestId('series-now')).toContainText('no longer holds the series');
  await expect(page.getByTestId('series-predicted-now')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step through the series again' }).click();
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(engine('rnn').zs.join(', '));
  await expect(page.getByTestId('series-predicted-now')).toBeVisible();
});

test('the series view passes axe, in English and in Chinese; screenshots at 1280 × 720 and 1024 × 768', async ({ page }) => {
  await page.goto('./?model=series-lstm&t=100');
  await expect(page.getByTestId('series-predicted-now')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/series-1280.png' });
  await page.goto('./?model=series-lstm&t=100&lang=zh');
  await expect(page.getByTestId('series-chart').getByRole('heading', { name: /国际航空旅客人数/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('./?model=series-lstm&t=100&presenter=1');
  await expect(page.getByTestId('series-predicted-now')).toBeVisible();
  await expect(page.getByTestId('series-chart')).not.toContainText('NaN');
  await page.screenshot({ path: 'test-results/series-projector.png' });
});
