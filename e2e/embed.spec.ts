import { CELL_KINDS } from '../src/engine';
import { PANELS } from '../src/store/types';
import { parseUrlParams } from '../src/store/urlParams';
import { expect, test, type Page } from '@playwright/test';
import { formatValue } from '../src/viz/vectors';
import { engineTrace, expectTableMatches } from './helpers';

test('embed mode is chromeless and steps with the keyboard', async ({ page }) => {
  await page.goto('./?embed=1&text=a%20b%20c&cell=rnn');
  await expect(page.getByRole('heading', { name: 'Gatescope' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveCount(0);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  // No autofocus: nothing in the frame takes focus by itself.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status')).toHaveText('Step t = 1 of 2: token “b”');
  await page.keyboard.press('End');
  await expect(page.getByRole('status')).toHaveText('Step t = 2 of 2: token “c”');
  await page.keyboard.press('Home');
  await expect(page.getByRole('status')).toHaveText('Step t = 0 of 2: token “a”');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a teacher can show the table in embed mode with hide=', async ({ page }) => {
  await page.goto('./?embed=1&hide=header,tabs&text=a%20b&cell=gru&t=1');
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toBeVisible();
  await expectTableMatches(page, engineTrace('gru', 'a b')[1]!, 1);
});

test('the address bar follows the state without adding history entries', async ({ page }) => {
  await page.goto('./?text=one%20two%20three');
  const before = await page.evaluate(() => history.length);
  await page.getByRole('radio', { name: 'GRU', exact: true }).check();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => page.url()).toContain('cell=gru');
  await expect.poll(() => page.url()).toContain('t=1');
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  await expect(page.getByRole('status')).toHaveText('Step t = 1 of 2: token “two”');
});

test('Share shows a link that reopens this view; Embed gives an iframe snippet', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?text=the%20sky%20is%20blue&cell=peephole&t=2');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this view' }).inputValue();
  expect(link).toContain('cell=peephole');
  await page.getByRole('button', { name: 'Embed in slides' }).click();
  const snippet = await page.getByRole('textbox', { name: 'Paste this into your slides or web page' }).inputValue();
  expect(snippet).toMatch(/^<iframe src="[^"]+embed=1/);
  await page.goto(link);
  await expect(page.getByRole('radio', { name: 'Peephole LSTM' })).toBeChecked();
  await expect(page.getByRole('status')).toHaveText('Step t = 2 of 3: token “is”');
});

test('Chinese interface: every label switches and <html lang> follows', async ({ page }) => {
  await page.goto('./?lang=zh&text=我爱你');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('textbox', { name: '句子' })).toHaveValue('我爱你');
  await expect(page.getByRole('button', { name: '前进一步' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('第 t = 0 步（共 0…2）：词元“我”');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
});

// Every hide= value on its own, none, the example and everything: at 960×540 the figure
// keeps a real height and no two parts of the page overlap (the frame scrolls instead).
const HIDES = ['', ...PANELS, 'header,input,cells,info', 'header,input,cells,info,tabs,table', PANELS.join(',')];
test('in a slide, every hide= leaves the figure visible and nothing overlapping', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 960, height: 540 });
  for (const hide of HIDES) {
    await page.goto(`./?embed=1&hide=${hide}&text=I%20grew%20up%20in%20France&t=3`);
    const figure = page.locator('#view-panel svg.diagram');
    await expect(figure, hide).toBeVisible();
    const box = (await figure.boundingBox())!;
    expect(box.height, `hide=${hide}: figure height`).toBeGreaterThanOrEqual(150);
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.app > header, main > *'))
        // Screen-reader-only text is positioned out of the flow on purpose.
        .filter((el) => getComputedStyle(el).position !== 'absolute')
        .map((el) => ({ name: el.className || el.tagName, r: el.getBoundingClientRect() }))
        .filter((b) => b.r.height > 0)
        .map((b) => ({ name: b.name, top: b.r.top, bottom: b.r.bottom })),
    );
    for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.top, `hide=${hide}: ${boxes[k]!.name} under ${boxes[k - 1]!.name}`).toBeGreaterThanOrEqual(boxes[k - 1]!.bottom - 1);
  }
});

test('a sentence too long for a query rides in the fragment: the address bar, Share and Embed keep it, and each link reopens it', async ({ page }) => {
  // 5,000 characters, no spaces, nothing repeating for long (a pasted blob): ~33,000 once %-encoded.
  const text = Array.from({ length: 5000 }, (_, k) => '我爱天空大海'[(k * 7) % 6]! + String.fromCharCode(97 + ((k * 31) % 26)))
    .join('')
    .slice(0, 5000);
  await page.goto('./?cell=gru');
  await page.getByRole('textbox', { name: 'Sentence' }).fill(text);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => page.evaluate(() => window.location.search)).toBe('?cell=gru');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#gs=[A-Za-z0-9_-]+$/);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this view' }).inputValue();
  expect(link).toMatch(/\?cell=gru#gs=/);
  await page.getByRole('button', { name: 'Embed in slides' }).click();
  const snippet = await page.getByRole('textbox', { name: 'Paste this into your slides or web page' }).inputValue();
  const src = snippet.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
  expect(src).toMatch(/embed=1.*#gs=/);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(text);
  await expect(page.getByRole('status')).toContainText('Step t = 1 of');
  await expect(page.getByText('Some link settings were ignored')).toHaveCount(0);
  // The slide's frame carries the same sentence (read back as the page reads it) and opens on it.
  const frame = new URL(src);
  expect(parseUrlParams(frame.search, frame.hash).options.text).toBe(text);
  await page.goto('about:blank');
  await page.goto(src);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Step t = 1 of \\d+: token “${text[1]}”$`));
  // A damaged fragment is named, and the rest of the link still applies.
  await page.goto('about:blank');
  await page.goto(`${link.split('#')[0]}#gs=broken!`);
  await expect(page.getByText('Some link settings were ignored')).toBeVisible();
  await expect(page.getByText('The sentence this link carries after “#” is damaged')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
});

/** The smallest number's size in CSS px as drawn (font size × the SVG's scale), and the figure's share of the frame. */
async function legibility(page: Page) {
  return page.locator('svg.diagram').evaluate((svg: SVGSVGElement) => {
    const k = svg.getScreenCTM()!.a;
    const nums = Array.from(svg.querySelectorAll<SVGTextElement>('.swatch .num')).filter((t) => t.getClientRects().length > 0);
    const r = svg.getBoundingClientRect();
    return {
      count: nums.length,
      minPx: Math.min(...nums.map((t) => parseFloat(getComputedStyle(t).fontSize) * k)),
      share: (r.width * r.height) / (window.innerWidth * window.innerHeight),
    };
  });
}

for (const kind of CELL_KINDS) {
  test(`a 960×540 slide of the ${kind} cell: the figure fills 70% of the frame and every number is at least 10 px`, async ({ page }) => {
    await page.setViewportSize({ width: 960, height: 540 });
    // The untrained demo (6 units) and a trained model (24 units: some collapse into a strip).
    for (const q of [`cell=${kind}&text=I%20grew%20up%20in%20France&t=3`, `model=sentiment-${kind}&text=the%20movie%20was%20not%20good&t=3`]) {
      await page.goto(`./?embed=1&${q}`);
      await expect(page.getByRole('group', { name: /cell at step t = 3$/ })).toBeVisible();
      if (q.startsWith('model=')) await expect(page.getByTestId('prediction')).toBeVisible();
      const l = await legibility(page);
      expect(l.count, q).toBeGreaterThanOrEqual(20);
      expect(l.minPx, q).toBeGreaterThanOrEqual(10);
      expect(l.share, q).toBeGreaterThanOrEqual(0.7);
      // Full screen on a 1920 × 1080 projector: twice that.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expect.poll(async () => (await legibility(page)).minPx, q).toBeGreaterThanOrEqual(20);
      await page.setViewportSize({ width: 960, height: 540 });
    }
    await page.screenshot({ path: `test-results/shots/embed-960-${kind}.png` });
  });
}

test('presenter=1: a slide draws fewer units, each larger, with the controls a deck replaces gone; on the page the text grows', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const q = 'model=sentiment-lstm&text=the%20movie%20was%20not%20good&t=3';
  await page.goto(`./?embed=1&${q}`);
  await expect(page.getByTestId('prediction')).toBeVisible();
  const plain = await legibility(page);
  await page.goto(`./?embed=1&presenter=1&${q}`);
  await expect(page.getByTestId('prediction')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Timestep' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  const big = await legibility(page);
  expect(big.minPx).toBeGreaterThanOrEqual(12);
  expect(big.minPx).toBeGreaterThan(plain.minPx * 1.1);
  expect(big.share).toBeGreaterThanOrEqual(0.7);
  // The keyboard still steps it.
  await page.getByTestId('prediction').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('group', { name: /cell at step t = 4$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/shots/embed-960-presenter.png' });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`./?presenter=1&${q}`);
  await expect(page.getByTestId('prediction')).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('20px');
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(/presenter=1/);
});

/** The smallest of the texts `selector` finds, in CSS px as drawn (font size × its SVG's scale). */
function smallestText(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const sizes: Array<[number, string]> = [];
    for (const t of Array.from(document.querySelectorAll<SVGTextContentElement>(sel))) {
      if (t.getClientRects().length === 0 || !(t.textContent ?? '').trim()) continue;
      const k = t.closest('svg')!.getScreenCTM()!.a;
      sizes.push([parseFloat(getComputedStyle(t).fontSize) * k, t.textContent!]);
    }
    sizes.sort((a, b) => a[0] - b[0]);
    return { n: sizes.length, min: sizes[0]?.[0] ?? 0, text: sizes[0]?.[1] ?? '' };
  }, selector);
}

test('960×540 slides of the heatmaps and the gradient chart: every number and label in their figures is at least 10 px', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const smallest = () => smallestText(page, '#view-panel svg text');
  await page.goto('./?embed=1&view=heatmap&cell=gru&text=I%20grew%20up%20in%20France%20and%20I%20speak%20fluent%20French');
  await expect(page.getByRole('region', { name: 'Heatmaps of the whole sentence' })).toHaveAttribute('data-mode', 'svg');
  let s = await smallest();
  expect(s.n).toBeGreaterThan(50);
  expect(s.min, `heatmap: “${s.text}”`).toBeGreaterThanOrEqual(10);
  await page.goto('./?embed=1&view=gradient&text=I%20grew%20up%20in%20France');
  await expect(page.getByRole('img', { name: /LSTM: influence on the last step/ })).toBeVisible();
  s = await smallest();
  expect(s.n).toBeGreaterThan(10);
  expect(s.min, `gradient: “${s.text}”`).toBeGreaterThanOrEqual(10);
  await page.screenshot({ path: 'test-results/shots/embed-960-gradient.png' });
});

test('a 960×540 slide of the unrolled chains: each cell shows its numbers, the engine’s, every text at least 10 px, across the frame', async ({ page }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  const text = 'the clouds are in the sky';
  await page.goto(`./?embed=1&view=unrolled&t=2&text=${encodeURIComponent(text)}`);
  const lstm = page.getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true });
  await expect(lstm).toBeVisible();
  const drawn = async () => ({
    ...(await smallestText(page, 'svg.chain text, svg.chain tspan')),
    widest: await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('svg.chain'), (s) => s.getBoundingClientRect().width)) / window.innerWidth),
  });
  const d = await drawn();
  expect(d.min, `smallest: “${d.text}”`).toBeGreaterThanOrEqual(10);
  expect(d.widest).toBeGreaterThanOrEqual(0.7);
  // The current cell's numbers are the engine's: the first units of h (and C) at t = 2.
  const tr = engineTrace('lstm', text)[2]!;
  const cell = lstm.locator('[data-t="2"]');
  const nums = await cell.locator('.cell-num').allTextContents();
  expect(nums.length).toBeGreaterThanOrEqual(8);
  const want = [...Array.from(tr.h).slice(0, nums.length / 2), ...Array.from((tr as { c: Float64Array }).c).slice(0, nums.length / 2)].map(formatValue);
  expect(nums).toEqual(want);
  await page.screenshot({ path: 'test-results/shots/embed-960-unrolled.png' });
  // A trained model (24 units) draws its first units with their numbers too.
  await page.goto(`./?embed=1&view=unrolled&model=sentiment-lstm&t=3&text=${encodeURIComponent('the movie was not good')}`);
  await expect(page.locator('.row-model')).toHaveText('sentiment-rnn');
  await expect(page.getByRole('group', { name: 'RNN unrolled over the sentence', exact: true }).locator('.cell-num').first()).toBeVisible();
  const trained = await drawn();
  expect(trained.min, `smallest: “${trained.text}”`).toBeGreaterThanOrEqual(10);
});
