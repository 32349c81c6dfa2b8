import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { translate } from '../src/engine';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { translateData, TRANSLATE } from '../src/train/translateTask';
import { axeViolations } from './helpers';

/**
 * The translate view with attention (translate-attn-<kind>): the weights drawn under the chain
 * and in the matrix are the engine's (and what npm run trace prints) at every decoder step, after
 * the sentence and the step change; every row of the matrix sums to 1; the choice is in the link.
 */
const KIND = 'lstm';
const model = readSeq2SeqFile(JSON.parse(readFileSync(`public/models/translate/translate-attn-${KIND}.json`, 'utf8'))).model;
const data = translateData(TRANSLATE);
const twoClause = data.heldout.find((p) => p.src.includes('and'))!;
const oneClause = data.heldout.find((p) => !p.src.includes('and'))!;

/** Chromium's V8 and Node's may differ in the last bit of exp and tanh (see translate.spec.ts). */
const close = (shown: number, engine: number, what: string) => expect(Math.abs(shown - engine), `${what}: ${shown} on the page, ${engine} from the engine`).toBeLessThan(1e-12);

async function linkWeights(page: Page) {
  return page.locator('.attn-links path').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
}
async function linkNumbers(page: Page) {
  return page.locator('.attn-links text').allTextContents();
}
async function matrixRows(page: Page) {
  return page.locator('.attn-matrix g.attn-row').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('rect[data-value]'), (e) => Number(e.getAttribute('data-value')))));
}

/** Steps through every decoder step of `src` and checks the lines, their numbers and the matrix against the engine. */
async function checkSentence(page: Page, src: readonly string[]) {
  const r = translate(model, src);
  // What the encoder read: the words, and </s> after them for a translator that reads an end mark.
  const read = r.source;
  await expect(page.getByTestId('translation-output')).toHaveText(r.output.join(''));
  const rows = await matrixRows(page);
  expect(rows).toHaveLength(r.decoder.length);
  rows.forEach((row, u) => {
    expect(row).toHaveLength(read.length);
    expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1), `row ${u} sums to 1`).toBeLessThan(1e-12);
    row.forEach((w, t) => close(w, r.decoder[u]!.attention!.weights[t]!, `matrix row ${u}, word ${t}`));
  });
  const slider = page.getByRole('slider', { name: 'Translation step' });
  for (const u of [0, Math.floor(r.decoder.length / 2), r.decoder.length - 1]) {
    await slider.fill(String(read.length + u));
    const want = r.decoder[u]!.attention!.weights;
    await expect(page.locator('.attn-matrix g.attn-row.current')).toHaveAttribute('data-row', String(u));
    const ws = await linkWeights(page);
    expect(ws).toHaveLength(read.length);
    ws.forEach((w, t) => close(w, want[t]!, `step ${u}, line to “${read[t]}”`));
    expect(await linkNumbers(page)).toEqual(Array.from(want, (w) => w.toFixed(2)));
    expect(await page.locator('.attn-matrix .attn-num').allTextContents()).toEqual(Array.from(want, (w) => w.toFixed(2)));
    // The heaviest line is the thickest.
    const widths = await page.locator('.attn-links path').evaluateAll((els) => els.map((e) => Number(e.getAttribute('stroke-width'))));
    const heaviest = want.indexOf(Math.max(...want));
    expect(widths[heaviest]).toBe(Math.max(...widths));
  }
  return r;
}

test('attention: the lines and the matrix are the engine’s weights at each step, after the sentence changes too; rows sum to 1', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`./?view=translate&cell=${KIND}&attn=1&text=${encodeURIComponent(twoClause.src.join(' '))}`);
  await expect(page.getByRole('checkbox', { name: 'with attention' })).toBeChecked();
  await expect(page.getByRole('img', { name: 'Attention weights: one row per character written, one column per source word; each row sums to 1' })).toBeVisible();
  await checkSentence(page, twoClause.src);

  // The same weights as npm run trace prints for this model and sentence.
  const trace = JSON.parse(
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', '--model', `translate-attn-${KIND}`, '--text', oneClause.src.join(' ')], { encoding: 'utf8' }),
  ) as { decoder: { attention: { weights: number[] } }[] };
  await page.getByRole('textbox').first().fill(oneClause.src.join(' '));
  const r = await checkSentence(page, oneClause.src);
  expect(trace.decoder).toHaveLength(r.decoder.length);
  const rows = await matrixRows(page);
  trace.decoder.forEach((d, u) => d.attention.weights.forEach((w, t) => close(rows[u]![t]!, w, `trace, step ${u}, word ${t}`)));

  // An encoder step draws no lines; the matrix stays, without a current row.
  await page.getByRole('slider', { name: 'Translation step' }).fill('1');
  await expect(page.locator('.attn-links')).toHaveCount(0);
  await expect(page.locator('.attn-matrix g.attn-row.current')).toHaveCount(0);
  await page.getByRole('slider', { name: 'Translation step' }).fill(String(oneClause.src.length + 2));
  await page.screenshot({ path: 'test-results/shots/attention-light-1280.png' });
  await page.screenshot({ path: 'test-results/shots/attention-light-1280-full.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the choice is in the link: off, the plain model and no attention drawn; on again, attn=1', async ({ page }) => {
  const text = twoClause.src.join(' ');
  await page.goto(`./?view=translate&cell=${KIND}&text=${encodeURIComponent(text)}`);
  const box = page.getByRole('checkbox', { name: 'with attention' });
  await expect(box).not.toBeChecked();
  await expect(page.getByTestId('translation-output')).not.toBeEmpty();
  await expect(page.locator('.attn-matrix')).toHaveCount(0);
  await box.check();
  await expect(page).toHaveURL(/attn=1/);
  await expect(page.getByTestId('translation-output')).toHaveText(translate(model, twoClause.src).output.join(''));
  await expect(page.locator('.attn-matrix')).toBeVisible();
  // Its intro says what this translator does: a reading-only one hands no state over.
  const handsOver = page.getByText('its final state (the context) becomes the decoder’s first state');
  await expect(handsOver).toHaveCount(model.handOver === false ? 0 : 1);
  await box.uncheck();
  await expect(handsOver).toHaveCount(1);
  await box.check();
  // The address follows the state a moment later: reload only once it says attn=1 again.
  await expect(page).toHaveURL(/attn=1/);
  await page.goto(page.url());
  await expect(page.getByRole('checkbox', { name: 'with attention' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'with attention' }).uncheck();
  await expect(page).not.toHaveURL(/attn=/);
  await expect(page.locator('.attn-matrix')).toHaveCount(0);
});

test('at phone width the page does not scroll sideways with attention: the chain and the matrix fit or scroll on their own', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?view=translate&cell=${KIND}&attn=1&text=${encodeURIComponent(twoClause.src.join(' '))}`);
  await expect(page.locator('.attn-matrix')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/shots/attention-light-390.png', fullPage: true });
});

for (const [theme, lang] of [
  ['light', 'en'],
  ['dark', 'zh'],
] as const) {
  test(`no axe violations with attention (${theme}, ${lang})`, async ({ page }) => {
    await page.goto(`./?view=translate&cell=${KIND}&attn=1&theme=${theme}&lang=${lang}&text=${encodeURIComponent(twoClause.src.join(' '))}`);
    await expect(page.getByTestId('translation-output')).toHaveText(translate(model, twoClause.src).output.join(''));
    if (lang === 'zh') await expect(page.getByRole('checkbox', { name: '带注意力' })).toBeChecked();
    await page.getByRole('slider', { name: lang === 'zh' ? '翻译步' : 'Translation step' }).fill(String(twoClause.src.length + 3));
    await expect(page.locator('.attn-links')).toHaveCount(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/shots/attention-${theme}-${lang}-1280.png` });
  });
}
