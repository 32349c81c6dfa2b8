import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, readTable, runTrace, showValuesTable } from './helpers';

/**
 * The Chinese sentiment models (sentiment-zh-<kind>): a reader whose browser prefers Chinese
 * opens on the Chinese LSTM at 不 in 这部电影不好看; what the page shows at every step is what
 * `npm run trace` computes (the engine, run outside the page), after typing and after a change
 * of cell kind.
 */
test.use({ locale: 'zh-CN' });

const SENTENCE = '这部电影不好看';

const shownPositive = async (page: Page) => Number(await page.getByTestId('prediction').getAttribute('data-value'));

/** The values table on screen against the trace's step: every vector, every unit, to 1e-12. */
async function expectValues(page: Page, step: Readonly<Record<string, unknown>>, t: number) {
  await showValuesTable(page);
  // The table starts on the most active units; every unit is compared, so show them all (24).
  const all = page.getByRole('button', { name: '显示全部 24 个单元' });
  if (await all.count()) await all.click();
  const table = await readTable(page, new RegExp(`^第 t = ${t} 步的数值$`));
  const ids = Object.keys(table);
  expect(ids.length).toBeGreaterThan(3);
  for (const id of ids) {
    const want = step[id] as number[] | undefined;
    expect(want, `the trace has ${id}`).toBeDefined();
    expect(table[id]!.exact.length, id).toBe(want!.length);
    want!.forEach((x, k) => expect(Math.abs(table[id]!.exact[k]! - x), `${id}[${k}] at t = ${t}`).toBeLessThan(1e-12));
  }
}

test('the Chinese reader’s first screen is the Chinese sentiment LSTM at 不, its prediction the engine’s; axe finds nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  await expect(page.getByRole('radio', { name: '情感分析（中文）' })).toBeChecked();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-lstm');
  await expect(page.getByRole('textbox', { name: '句子' })).toHaveValue(SENTENCE);
  await expect(page.locator('.step-status')).toHaveText('第 t = 4 步（共 0…6）：词元“不”');
  const trace = runTrace('sentiment-zh-lstm', SENTENCE);
  expect(trace.tokens.map((t) => t.token)).toEqual([...SENTENCE]);
  expect(trace.tokens.every((t) => !t.unknown)).toBe(true);
  await expect(page.getByTestId('prediction')).toBeVisible();
  expect(Math.abs((await shownPositive(page)) - trace.steps[4]!.prediction[1]!)).toBeLessThan(1e-12);
  // The badge names the hand-written held-out sentences' accuracy beside the pooled one (the report's).
  const report = JSON.parse(readFileSync('public/models/sentiment-zh-lstm.json', 'utf8')).report;
  await expect(page.locator('.model-info .badge')).toContainText(`留出的手写句子 ${(report.heldoutSets.everyday.accuracy * 100).toFixed(1)}%`);
  // Its presets are Chinese sentences, and its caption is in Chinese.
  await expect(page.getByRole('button', { name: '虽然有点贵，但是很好吃' })).toBeVisible();
  await expect(page.getByText(/在 “这部电影不好看” 中走到 “不”/)).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/sentiment-zh-first-1280.png' });
  await page.screenshot({ path: 'test-results/shots/sentiment-zh-full-1280.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
});

test('type 这部电影不好看 and step: every step’s numbers and prediction are the engine’s, and it ends negative', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-lstm');
  const input = page.getByRole('textbox', { name: '句子' });
  await input.fill('服务很热情');
  await input.fill(SENTENCE);
  await page.getByRole('slider', { name: '时间步' }).focus();
  await page.keyboard.press('Home');
  const trace = runTrace('sentiment-zh-lstm', SENTENCE);
  for (let t = 0; t < trace.steps.length; t++) {
    if (t > 0) await page.getByRole('button', { name: '前进一步' }).click();
    await expect(page.locator('.step-status')).toHaveText(`第 t = ${t} 步（共 0…6）：词元“${SENTENCE[t]}”`);
    expect(Math.abs((await shownPositive(page)) - trace.steps[t]!.prediction[1]!), `P(正面) at t = ${t}`).toBeLessThan(1e-12);
    await expect(page.getByTestId('prediction').locator('.num')).toHaveText(`${(trace.steps[t]!.prediction[1]! * 100).toFixed(1)}%`);
    await expectValues(page, trace.steps[t] as unknown as Record<string, unknown>, t);
  }
  expect(trace.steps[6]!.prediction[1]!).toBeLessThan(0.5);
  await expect(page.getByTestId('prediction')).toContainText('负面');
  // Without 不 the same model says positive: what the order of the characters buys.
  const plain = runTrace('sentiment-zh-lstm', '这部电影很好看');
  expect(plain.steps.at(-1)!.prediction[1]!).toBeGreaterThan(0.5);
});

for (const kind of ['gru', 'mingru', 'slstm'] as const) {
  test(`switching to ${kind} keeps the task and sentence, and the numbers are sentiment-zh-${kind}’s`, async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-lstm');
    const name = { gru: 'GRU', mingru: 'minGRU', slstm: 'sLSTM' }[kind];
    await page.getByRole('radio', { name, exact: true }).click();
    await expect(page.locator('.model-info code')).toHaveText(`sentiment-zh-${kind}`);
    await expect(page.getByRole('radio', { name: '情感分析（中文）' })).toBeChecked();
    await expect(page.getByRole('textbox', { name: '句子' })).toHaveValue(SENTENCE);
    await page.getByRole('slider', { name: '时间步' }).focus();
    await page.keyboard.press('End');
    const trace = runTrace(`sentiment-zh-${kind}`, SENTENCE);
    expect(trace.model).toBe(`sentiment-zh-${kind}`);
    expect(Math.abs((await shownPositive(page)) - trace.steps[6]!.prediction[1]!)).toBeLessThan(1e-12);
    await expectValues(page, trace.steps[6] as unknown as Record<string, unknown>, 6);
    await expect(page).toHaveURL(new RegExp(`model=sentiment-zh-${kind}`));
  });
}

test('picked from an English sentence, the Chinese model opens on its first Chinese preset', async ({ page }) => {
  await page.goto('./?lang=zh&model=sentiment-gru&text=the%20food%20was%20great');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-gru');
  await page.getByRole('radio', { name: '情感分析（中文）' }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-gru');
  await expect(page.getByRole('textbox', { name: '句子' })).toHaveValue(SENTENCE);
  await expect(page.getByRole('note')).toHaveCount(0);
});
