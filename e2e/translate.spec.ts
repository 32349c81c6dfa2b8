import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { translate } from '../src/engine';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { translateData, TRANSLATE } from '../src/train/translateTask';
import { axeViolations } from './helpers';

/**
 * The encoder–decoder, stepped in the page: a held-out sentence (never trained on) is encoded and
 * decoded, and every character written and its top 3 are the engine's (what npm run trace prints).
 */
const model = (kind: string) => readSeq2SeqFile(JSON.parse(readFileSync(`public/models/translate/translate-${kind}.json`, 'utf8'))).model;
const heldout = translateData(TRANSLATE).heldout.find((p) => p.src.includes('and'))!;

/**
 * The page runs in Chromium's V8 and the reference here in Node's: their Math.exp and Math.tanh
 * may differ in the last bit (Chromium 156 against Node 20 do), which after a few steps is
 * ≈ 1e-16. A state the page shows must be the engine's to 1e-12: far tighter than the 1e-5 the
 * conformance vectors ask, and than any digit on screen.
 */
function expectSame(shown: number, engine: number | undefined, what: string) {
  expect(engine, `${what}: the engine has no such value`).toBeDefined();
  expect(Math.abs(shown - engine!), `${what}: ${shown} on the page, ${engine} from the engine`).toBeLessThan(1e-12);
}

async function topRows(page: Page) {
  const table = page.locator('table.translate-top');
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => ({ token: r.querySelector('th')!.textContent!, p: Number(r.querySelector('td')!.getAttribute('data-value')) })));
}

test('translate a held-out sentence: each character and its top 3 are the engine’s, the chain shows both sides and the hand-over', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const m = model('lstm');
  const r = translate(m, heldout.src);
  await page.goto(`./?view=translate&cell=lstm&text=${encodeURIComponent(heldout.src.join(' '))}`);
  await expect(page.getByTestId('translation-output')).toHaveText(r.output.join(''));
  const chain = page.getByRole('group', { name: 'The encoder chain, the hand-over of the context, and the decoder chain' });
  await expect(chain.getByRole('button', { name: /^encoder step \d+, token/ })).toHaveCount(heldout.src.length);
  await expect(chain.getByRole('button', { name: /^decoder step \d+: reads/ })).toHaveCount(r.decoder.length);
  await expect(chain.getByRole('img', { name: /^The context: the encoder’s final state \(48 units\)/ })).toBeVisible();

  const slider = page.getByRole('slider', { name: 'Translation step' });
  const S = heldout.src.length;
  for (let u = 0; u < r.decoder.length; u++) {
    await slider.fill(String(S + u));
    const d = r.decoder[u]!;
    await expect(page.getByTestId('translate-where')).toHaveText(`decoder step ${u + 1} of ${r.decoder.length}: reads “${d.input}”, writes “${d.output}”`);
    const shown = await topRows(page);
    expect(shown.map((x) => x.token)).toEqual(d.top.map((x) => x.token));
    shown.forEach((x, k) => expect(Math.abs(x.p - d.top[k]!.p), `step ${u}, candidate ${k}`).toBeLessThan(1e-12));
  }
  // An encoder step: it writes nothing; a click on a chain cell goes there.
  await chain.getByRole('button', { name: `encoder step 2, token “${heldout.src[1]}”` }).click();
  await expect(page.getByTestId('translate-where')).toHaveText(`encoder step 2 of ${S}: reads “${heldout.src[1]}”`);
  await expect(page.locator('table.translate-top')).toHaveCount(0);
  // The h swatches of that cell are the engine's encoder state.
  const sw = await chain
    .getByRole('button', { name: `encoder step 2, token “${heldout.src[1]}”` })
    .locator('rect[data-value]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(sw).toHaveLength(r.encoder[1]!.h.length);
  sw.forEach((v, u) => expectSame(v, r.encoder[1]!.h[u], `encoder step 2, h unit ${u}`));
  await page.screenshot({ path: 'test-results/shots/translate-light-1280.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the cell diagram draws the step being read, on either side: the decoder’s first h_{t−1} is the context, not zeros', async ({ page }) => {
  const m = model('lstm');
  const r = translate(m, heldout.src);
  const S = heldout.src.length;
  await page.goto(`./?view=translate&cell=lstm&tstep=${S}&text=${encodeURIComponent(heldout.src.join(' '))}`);
  const figure = page.getByRole('group', { name: 'Decoder (writes Chinese): LSTM cell at step t = 0' });
  await expect(figure).toBeVisible();
  await expect(page.getByRole('heading', { name: `The decoder’s LSTM cell at step t = 0, reading “<s>” and writing “${r.decoder[0]!.output}”` })).toBeVisible();
  const strip = async (vector: string) =>
    figure.locator(`g.strip[data-vector="${vector}"] [data-unit]`).evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), Number(e.getAttribute('data-value'))] as const));
  const d0 = r.decoder[0]!.trace;
  if (d0.kind !== 'lstm') throw new Error('an LSTM trace was expected');
  const hPrev = await strip('hPrev');
  expect(hPrev.length).toBeGreaterThan(0);
  // h_{t−1} of the first decoder step is the context: the encoder's last h, and it is not zero.
  for (const [u, v] of hPrev) expectSame(v, r.context.h[u], `unit ${u}`);
  expect(hPrev.some(([, v]) => v !== 0)).toBe(true);
  // And the belt: C_{t−1} is the encoder's last C (an LSTM hands both over).
  // (The belt's numbers are in the figure's second part, the belt equation.)
  const cPrev = await page
    .locator('.translate-cell g.strip[data-vector="cPrev"] [data-unit]')
    .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), Number(e.getAttribute('data-value'))] as const));
  expect(cPrev.length).toBeGreaterThan(0);
  for (const [u, v] of cPrev) expectSame(v, r.context.c![u], `C unit ${u}`);
  await expect(page.locator('.translate-cell .hint')).toContainText('The decoder does not start from zeros');
  for (const [u, v] of await strip('f')) expectSame(v, d0.f[u], `f unit ${u}`);
  for (const [u, v] of await strip('h')) expectSame(v, d0.h[u], `h unit ${u}`);

  // An encoder step: the encoder's weights and trace, from zeros at its first step.
  await page.getByRole('slider', { name: 'Translation step' }).fill('0');
  const enc = page.getByRole('group', { name: 'Encoder (reads English): LSTM cell at step t = 0' });
  await expect(enc).toBeVisible();
  const e0 = r.encoder[0]!;
  const hPrevEnc = await enc.locator('g.strip[data-vector="hPrev"] [data-unit]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(hPrevEnc.every((v) => v === 0)).toBe(true);
  const hEnc = await enc.locator('g.strip[data-vector="h"] [data-unit]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), Number(e.getAttribute('data-value'))] as const));
  for (const [u, v] of hEnc) expectSame(v, e0.h[u], `encoder h unit ${u}`);
  await expect(page.getByText('The encoder starts from zeros')).toBeVisible();
});

test('the same sentence in another kind, a preset, and the view in Chinese (dark)', async ({ page }) => {
  await page.goto(`./?view=translate&cell=gru&lang=zh&theme=dark&text=${encodeURIComponent('i grew up in france')}`);
  const m = model('gru');
  await expect(page.getByTestId('translation-output')).toHaveText(translate(m, ['i', 'grew', 'up', 'in', 'france']).output.join(''));
  await expect(page.getByRole('tab', { name: '翻译' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: '编码器链、上下文的交接和解码器链' })).toBeVisible();
  const presets = page.getByRole('group', { name: '可以翻译的句子' }).getByRole('button');
  const first = (await presets.first().textContent())!;
  await presets.first().click();
  await expect(page.getByRole('textbox').first()).toHaveValue(first);
  await expect(page.getByTestId('translation-output')).toHaveText(translate(m, first.split(' ')).output.join(''));
  await page.screenshot({ path: 'test-results/shots/translate-dark-zh-1280.png', fullPage: true });
});

test('the translate view at phone width: no sideways scroll of the page, the chain scrolls on its own', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?view=translate&text=${encodeURIComponent('they grew up in paris and they like apples')}`);
  await expect(page.getByTestId('translation-output')).not.toBeEmpty();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The step being read is scrolled into sight inside the chain's own box (the last decoder cell,
  // on open); the page itself stays where the reader is, at its top.
  const current = page.locator('.tr-cell.current');
  const box = page.locator('.translate-view .table-wrap');
  await expect
    .poll(async () => {
      const [c, b] = [(await current.boundingBox())!, (await box.boundingBox())!];
      return c.x >= b.x - 1 && c.x + c.width <= b.x + b.width + 1;
    })
    .toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: 'test-results/shots/translate-light-390.png', fullPage: true });
});

for (const [theme, lang] of [
  ['light', 'en'],
  ['dark', 'zh'],
] as const) {
  test(`no axe violations in the loaded translate view (${theme}, ${lang})`, async ({ page }) => {
    await page.goto(`./?view=translate&theme=${theme}&lang=${lang}&text=${encodeURIComponent('i grew up in france')}`);
    await expect(page.getByTestId('translation-output')).toHaveText(translate(model('lstm'), ['i', 'grew', 'up', 'in', 'france']).output.join(''));
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('a link opens the translate view at a step on either side, and the step goes into the link', async ({ page }) => {
  const text = 'she went to tokyo yesterday';
  const r = translate(model('lstm'), text.split(' '));
  await page.goto(`./?view=translate&cell=lstm&text=${encodeURIComponent(text)}&tstep=2`);
  await expect(page.getByTestId('translate-where')).toHaveText('encoder step 3 of 5: reads “to”');
  // Step 5 + 2 is the decoder's third step.
  await page.getByRole('slider', { name: 'Translation step' }).fill('7');
  const d = r.decoder[2]!;
  await expect(page.getByTestId('translate-where')).toHaveText(`decoder step 3 of ${r.decoder.length}: reads “${d.input}”, writes “${d.output}”`);
  await expect(page).toHaveURL(/tstep=7/);
  await page.goto(page.url());
  await expect(page.getByTestId('translate-where')).toHaveText(`decoder step 3 of ${r.decoder.length}: reads “${d.input}”, writes “${d.output}”`);
  // A new sentence starts at its last step again.
  await page.getByRole('group', { name: 'Sentences to translate' }).getByRole('button').first().click();
  await expect(page.getByTestId('translate-where')).toContainText('writes “</s>”');
  await expect(page).not.toHaveURL(/tstep=/);
});

test('a 960×540 translate slide: the chain fits the frame’s width, every word and character in it is at least 10 px, and the keys step it', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const text = 'she went to tokyo yesterday';
  await page.goto(`./?embed=1&view=translate&cell=lstm&tstep=0&text=${encodeURIComponent(text)}`);
  const chain = page.getByRole('group', { name: 'The encoder chain, the hand-over of the context, and the decoder chain' });
  await expect(chain).toBeVisible();
  const l = await chain.evaluate((svg) => {
    const k = (svg as SVGSVGElement).getScreenCTM()!.a;
    const texts = Array.from(svg.querySelectorAll('text'));
    const r = svg.getBoundingClientRect();
    return { count: texts.length, minPx: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * k)), left: r.left, right: r.right, bottom: r.bottom };
  });
  expect(l.count).toBeGreaterThan(10);
  expect(l.minPx).toBeGreaterThanOrEqual(10);
  expect(l.left).toBeGreaterThanOrEqual(0);
  expect(l.right).toBeLessThanOrEqual(960);
  expect(l.bottom).toBeLessThanOrEqual(540);
  // ← and → step the translation (not the page's hidden sentence).
  await page.getByTestId('translation-output').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('translate-where')).toHaveText('encoder step 2 of 5: reads “went”');
  await page.keyboard.press('End');
  await expect(page.getByTestId('translate-where')).toContainText('writes “</s>”');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('translate-where')).not.toContainText('writes “</s>”');
  await page.screenshot({ path: 'test-results/shots/translate-embed-960.png' });
});
