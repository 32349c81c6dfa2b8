import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { runTrace } from './helpers';
import { type CellKind, type StartId, startIds } from '../src/engine';

/**
 * The prediction after every token, from `npm run trace` (the same script a student or a notebook
 * runs: tsx scripts/trace.ts, not the npm wrapper, whose banner is not JSON).
 */
function tracePredictions(id: string, text: string): number[][] {
  const trace = runTrace(id, text);
  expect(trace.model).toBe(id);
  return trace.steps.map((s) => s.prediction);
}

async function shownPositive(page: Page): Promise<number> {
  return Number(await page.getByTestId('prediction').getAttribute('data-value'));
}

test('pick Sentiment, type, step: the prediction is the engine’s, and “not good” flips it', async ({ page }) => {
  await page.goto('./?cell=lstm');
  await page.getByRole('radio', { name: 'Sentiment', exact: true }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  const input = page.getByRole('textbox', { name: 'Sentence' });

  await input.fill('the movie was good');
  const good = tracePredictions('sentiment-lstm', 'the movie was good');
  for (let t = 0; t < good.length; t++) {
    if (t > 0) await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByRole('status')).toContainText(`Step t = ${t} of 3`);
    expect(Math.abs((await shownPositive(page)) - good[t]![1]!)).toBeLessThan(1e-12);
    await expect(page.getByTestId('prediction').locator('.num')).toHaveText(`${(good[t]![1]! * 100).toFixed(1)}%`);
  }
  expect(good[3]![1]!).toBeGreaterThan(0.5);

  await input.fill('the movie was not good');
  await page.getByRole('slider', { name: 'Timestep' }).focus();
  await page.keyboard.press('End');
  const notGood = tracePredictions('sentiment-lstm', 'the movie was not good');
  expect(Math.abs((await shownPositive(page)) - notGood[4]![1]!)).toBeLessThan(1e-12);
  expect(await shownPositive(page)).toBeLessThan(0.5);
  await expect(page.getByTestId('prediction')).toContainText('negative');

  // Another cell keeps the task and the sentence.
  await page.getByRole('radio', { name: 'GRU', exact: true }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-gru');
  await expect(input).toHaveValue('the movie was not good');
  await page.getByRole('slider', { name: 'Timestep' }).focus();
  await page.keyboard.press('End');
  expect(Math.abs((await shownPositive(page)) - tracePredictions('sentiment-gru', 'the movie was not good')[4]![1]!)).toBeLessThan(1e-12);
  await expect(page).toHaveURL(/model=sentiment-gru/);
});

test('a preset sentence and the memory model’s top-3 languages', async ({ page }) => {
  await page.goto('./?model=sentiment-rnn');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-rnn');
  await page.getByRole('button', { name: 'the acting was great but the story was awful' }).click();
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue('the acting was great but the story was awful');

  const text = 'i grew up in france . we moved to the city when i was young . i speak fluent';
  await page.goto(`./?model=memory-lstm&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('memory-lstm');
  await page.getByRole('slider', { name: 'Timestep' }).focus();
  await page.keyboard.press('End');
  const probs = tracePredictions('memory-lstm', text).at(-1)!;
  const shown = page.getByRole('list', { name: 'Top 3 languages' }).getByRole('listitem');
  await expect(shown).toHaveCount(3);
  await expect(shown.first()).toHaveAttribute('data-label', 'french');
  expect(Math.abs(Number(await shown.first().getAttribute('data-value')) - Math.max(...probs))).toBeLessThan(1e-12);
});

test('a word outside the vocabulary is shown as <unk>, as the model and npm run trace read it', async ({ page }) => {
  const text = 'the movie was zorbly';
  await page.goto(`./?model=sentiment-lstm&t=3&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  const tokens = runTrace('sentiment-lstm', text).tokens;
  expect(tokens.map((t) => t.unknown)).toEqual([false, false, false, true]);
  expect(tokens[3]!.seen).toBe('<unk>');
  const strip = page.getByRole('list', { name: 'Tokens' });
  await expect(strip.getByRole('button', { name: '3 zorbly <unk>' })).toBeVisible();
  await expect(strip.getByRole('button', { name: '2 was', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Step t = 3 of 3: token “zorbly” (unknown word, seen as <unk>)');
  expect(Math.abs((await shownPositive(page)) - tracePredictions('sentiment-lstm', text)[3]![1]!)).toBeLessThan(1e-12);
});

test('a model that fails to load leaves the current one and says why', async ({ page }) => {
  await page.route('**/models/sentiment-lstm.json', (r) => r.fulfill({ status: 404, body: 'nope' }));
  await page.goto('./?cell=lstm');
  await page.getByRole('radio', { name: 'Sentiment', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Could not load sentiment-lstm; still showing demo-lstm.');
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  await expect(page.locator('.model-info code')).toHaveText('demo-lstm');
});

for (const theme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    test(`models screenshot ${theme} ${w}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?model=sentiment-lstm&text=${encodeURIComponent('the movie was not good')}&t=3&theme=${theme}`);
      await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `test-results/shots/models-sentiment-${theme}-${w}.png`, fullPage: true });
      await page.goto(`./?model=memory-rnn&text=${encodeURIComponent('i grew up in japan . my mother liked to cook on sundays . i speak fluent')}&t=15&theme=${theme}&lang=zh`);
      await expect(page.locator('.model-info code')).toHaveText('memory-rnn');
      await page.screenshot({ path: `test-results/shots/models-memory-${theme}-${w}.png`, fullPage: true });
    });
  }
}

/**
 * Every line the learnability chart draws has its legend: the sample at the head of its row of the
 * table, drawn in the line's own colour (not none: a kind without a colour drew an invisible line
 * and an empty swatch), dash and marker.
 */
async function expectLegendForEveryLine(chart: Locator) {
  const pairs = await chart.evaluate((el) =>
    Array.from(el.querySelectorAll<SVGGElement>('.gap-line')).map((g) => {
      const look = (line: Element | null, mark: Element | null) =>
        line && mark ? { stroke: getComputedStyle(line).stroke, dash: getComputedStyle(line).strokeDasharray, fill: getComputedStyle(mark).fill } : null;
      const sample = el.querySelector(`tr[data-kind="${g.dataset.kind}"][data-start="${g.dataset.start}"] th .line-sample`);
      return {
        series: `${g.dataset.kind}:${g.dataset.start}`,
        line: look(g.querySelector('.line'), g.querySelector('.mark')),
        lineMarker: g.dataset.marker,
        sample: look(sample?.querySelector('.line') ?? null, sample?.querySelector('.mark') ?? null),
        sampleMarker: sample?.getAttribute('data-marker'),
      };
    }),
  );
  expect(pairs.length).toBeGreaterThan(1);
  for (const p of pairs) {
    expect(p.sample, p.series).toEqual(p.line);
    expect(p.sampleMarker, p.series).toBe(p.lineMarker);
    expect(p.line!.stroke, p.series).toMatch(/^rgb/);
    expect(p.line!.fill, p.series).toBe(p.line!.stroke);
  }
  // Without colour: no two lines share a dash and a marker.
  expect(new Set(pairs.map((p) => `${p.line!.dash}|${p.lineMarker}`)).size).toBe(pairs.length);
}

test('memory: the learnability chart shows the numbers of the report, the current cell highlighted, and says what they show', async ({ page }) => {
  type Row = { kind: CellKind; start: StartId; gap: number; median: number; learned: number; seeds: number };
  const full = JSON.parse(readFileSync('public/reports/memory-learnability.json', 'utf8')) as {
    gaps: number[];
    summary: Row[];
    gradientAtStart: Array<{ kind: string; start: string; share: number }>;
  };
  // "Cell types" (the default) draws each kind from its first start.
  const report = { ...full, summary: full.summary.filter((r) => r.start === startIds(r.kind)[0]) };
  await page.goto('./?model=memory-rnn');
  await expect(page.locator('.model-info code')).toHaveText('memory-rnn');
  const chart = page.getByTestId('learn-chart');
  await expect(chart.getByRole('img')).toBeVisible();
  for (const r of report.summary) {
    const cell = chart.locator(`tr[data-kind="${r.kind}"] td[data-gap="${r.gap}"]`);
    await expect(cell).toHaveText(`${Math.round(r.median * 100)}% (${r.learned}/${r.seeds})`);
    expect(Number(await cell.getAttribute('data-value'))).toBe(r.median);
  }
  await expect(chart.locator('tr.current')).toHaveAttribute('data-kind', 'rnn');
  await expect(chart.locator('.gap-line.current')).toHaveClass(/kind-rnn/);
  // One line per kind the report measured.
  await expect(chart.locator('.gap-line')).toHaveCount(new Set(report.summary.map((r) => r.kind)).size);
  await expectLegendForEveryLine(chart);
  // The sentence's numbers, recomputed here from the report: the shortest gap from which no RNN
  // seed learned, and the longest gap up to which every seed of every gated kind learned.
  const at = (kind: string, gap: number) => report.summary.find((r) => r.kind === kind && r.gap === gap)!;
  const gaps = report.gaps;
  let rnnNever = -1;
  for (const g of [...gaps].reverse()) {
    if (at('rnn', g).learned > 0) break;
    rnnNever = g;
  }
  const upTo = (kind: string) => {
    let best = -1;
    for (const g of gaps) {
      if (at(kind, g).learned < at(kind, g).seeds) break;
      best = g;
    }
    return best;
  };
  const gated = Math.min(...['lstm', 'gru', 'peephole', 'coupled'].map(upTo));
  expect(rnnNever).toBeGreaterThan(0);
  expect(gated).toBeGreaterThan(0);
  await expect(page.getByTestId('learn-finding')).toContainText(`from ${rnnNever} filler words on, the plain RNN learned in none of`);
  await expect(page.getByTestId('learn-finding')).toContainText(`every classic gated cell learned every gap up to ${gated} in every seed`);
  await expect(chart.locator('figcaption')).toContainText('Chance (dashed) is 17%');

  await page.getByRole('radio', { name: 'LSTM', exact: true }).click();
  await expect(page.locator('.model-info code')).toHaveText('memory-lstm');
  await expect(chart.locator('tr.current')).toHaveAttribute('data-kind', 'lstm');

  // "Starts": the RNN's starts beside the LSTM's, each row the report's, with the gradient at the start.
  await chart.getByRole('radio', { name: 'Starts' }).check();
  const shownStarts = full.summary.filter((r) => r.kind === 'rnn' || r.kind === 'lstm');
  await expect(chart.locator('.gap-line')).toHaveCount(new Set(shownStarts.map((r) => `${r.kind}:${r.start}`)).size);
  await expectLegendForEveryLine(chart);
  for (const r of shownStarts) {
    await expect(chart.locator(`tr[data-kind="${r.kind}"][data-start="${r.start}"] td[data-gap="${r.gap}"]`)).toHaveText(`${Math.round(r.median * 100)}% (${r.learned}/${r.seeds})`);
  }
  for (const g of full.gradientAtStart.filter((x) => x.kind === 'rnn' || x.kind === 'lstm')) {
    expect(Number(await chart.locator(`tr[data-kind="${g.kind}"][data-start="${g.start}"] td[data-grad]`).getAttribute('data-grad'))).toBe(g.share);
  }
  const at20 = (kind: string, start: string) => full.summary.find((r) => r.kind === kind && r.start === start && r.gap === 20)!;
  await expect(page.getByTestId('learn-finding')).toContainText(`the plain RNN learned in ${at20('rnn', 'default').learned} of 5 seeds from its default start`);
  await expect(page.getByTestId('learn-finding')).toContainText(`the LSTM in ${at20('lstm', 'chrono').learned} from the chrono (gate open) start`);
  await chart.getByRole('radio', { name: 'Cell types' }).check();

  await page.goto('./?model=memory-gru&lang=zh');
  await expect(page.getByTestId('learn-chart').locator('h3')).toHaveText('它能学会记住吗？在每个间隔上从零训练');
  await expect(page.getByTestId('learn-finding')).toContainText(`从 ${rnnNever} 个填充词起`);

  // On a phone the page does not scroll sideways (the table scrolls in its own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('learn-chart')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The gradient view has the same chart, folded under its explanation.
  await page.goto('./?model=memory-lstm&view=gradient');
  await page.getByText('Measured: which cells can learn the memory task from scratch, gap by gap').click();
  await expect(page.locator('#learnability-flow')).toBeVisible();

  await page.goto('./?model=sentiment-lstm');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.getByTestId('learn-chart')).toHaveCount(0);
});

test('an everyday sentence: every word known, and the sentiment after each step is npm run trace’s', async ({ page }) => {
  const text = 'the service was slow but the food was delicious';
  await page.goto('./?model=sentiment-gru');
  await expect(page.locator('.model-info code')).toHaveText('sentiment-gru');
  // The badge names the held-out hand-written sentences' accuracy (the report's), beside the reviews'.
  const report = JSON.parse(readFileSync('public/models/sentiment-gru.json', 'utf8')).report;
  await expect(page.locator('.model-info .badge')).toContainText(`held-out hand-written sentences ${(report.heldoutEveryday.accuracy * 100).toFixed(1)}%`);
  await page.getByRole('textbox', { name: 'Sentence' }).fill(text);
  const trace = runTrace('sentiment-gru', text);
  expect(trace.tokens.every((t) => !t.unknown)).toBe(true);
  await expect(page.getByRole('list', { name: 'Tokens' }).locator('.token.unknown')).toHaveCount(0);
  const slider = page.getByRole('slider', { name: 'Timestep' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let t = 0; t < trace.steps.length; t++) {
    if (t > 0) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toContainText(`Step t = ${t} of`);
    expect(Math.abs((await shownPositive(page)) - trace.steps[t]!.prediction[1]!)).toBeLessThan(1e-12);
  }
});

test('the time-series model: picked, it opens on a series of numbers and predicts the next value as the engine does', async ({ page }) => {
  await page.goto('./?cell=gru');
  await page.getByRole('radio', { name: 'Time series' }).click();
  await expect(page.locator('.model-info code')).toHaveText('wave-gru');
  await expect(page.getByText(/held-out mean squared error 0\.0\d+ \(next = current: 0\.0398\)/)).toBeVisible();
  const text = await page.getByRole('textbox', { name: 'Sentence' }).inputValue();
  const xs = text.split(', ');
  expect(xs.length).toBe(48);
  const { readModelFile } = await import('../src/models/format');
  const { readFileSync } = await import('node:fs');
  const { embedToken, predict, run } = await import('../src/engine');
  const m = readModelFile(JSON.parse(readFileSync('public/models/wave-gru.json', 'utf8'))).model;
  await page.getByRole('slider', { name: 'Timestep' }).fill('10');
  const tr = run(
    m.cell,
    xs.slice(0, 11).map((v) => embedToken(m.embedding, v).x),
  ).traces.at(-1)!;
  const y = predict(m.head!, tr.h)[0]!;
  await expect.poll(async () => Math.abs(Number(await page.getByTestId('prediction').getAttribute('data-value')) - y)).toBeLessThanOrEqual(1e-12);
  await expect(page.getByTestId('prediction')).toContainText(`the series goes on with ${xs[11]}`);
});

test('words the model does not know: named when a few, and a warning when most or all are, as the engine reads them', async ({ page }) => {
  // One word out of the vocabulary: named, with the count the engine gives.
  const few = 'the movie by zorblax was good';
  const fewTrace = runTrace('sentiment-lstm', few);
  const unknown = fewTrace.tokens.filter((t) => t.unknown).map((t) => t.token);
  expect(unknown).toEqual(['zorblax']);
  await page.goto(`./?model=sentiment-lstm&text=${encodeURIComponent(few)}`);
  await expect(page.getByRole('note')).toHaveText(`Not in this model’s vocabulary, so read as <unk>: “zorblax” (1 of ${fewTrace.tokens.length} tokens).`);

  // A Chinese review in the English sentiment model: every character is <unk>, and the page says
  // its percentage means nothing, in the reader's language.
  const zh = '这部电影不好看';
  expect(runTrace('sentiment-lstm', zh).tokens.every((t) => t.unknown)).toBe(true);
  await page.goto(`./?model=sentiment-lstm&lang=zh&text=${encodeURIComponent(zh)}`);
  await expect(page.getByTestId('prediction')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('这个模型一个词元也不认识：每个都按 <unk> 读入，所以它的预测与这句话无关。');
  await expect(page.getByRole('note')).toContainText('它只学过英语单词；想看模型读汉字，试试');
  await page.screenshot({ path: 'test-results/shots/unknown-zh-1280.png' });
  // One click to the sentiment model that reads Chinese characters, on the same sentence: it knows them.
  await page.getByRole('note').getByRole('button', { name: '情感分析（中文）' }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-lstm');
  await expect(page.getByRole('textbox', { name: '句子' })).toHaveValue(zh);
  const zhTrace = runTrace('sentiment-zh-lstm', zh);
  expect(zhTrace.tokens.filter((t) => !t.unknown).length * 2).toBeGreaterThan(zhTrace.tokens.length);
  await expect(page.getByTestId('prediction')).toBeVisible();
  await expect(page.getByRole('note').getByRole('button')).toHaveCount(0);

  // Most unknown: the known count is the engine's.
  const most = 'the zorblax qwfp xyzzy plugh';
  const mostTrace = runTrace('sentiment-lstm', most);
  const known = mostTrace.tokens.filter((t) => !t.unknown).length;
  expect(known * 2).toBeLessThan(mostTrace.tokens.length);
  await page.goto(`./?model=sentiment-lstm&text=${encodeURIComponent(most)}`);
  await expect(page.getByRole('note')).toContainText(`knows only ${known} of these ${mostTrace.tokens.length} tokens`);

  // Every word known (the welcome): no note.
  await page.goto('./');
  // The live page, not the first screen drawn in advance (which has a prediction too).
  await expect(page.locator('.prerender')).toHaveCount(0);
  await expect(page.getByTestId('prediction')).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
});
