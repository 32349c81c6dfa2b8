import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CellKind } from '../src/engine';
import { readPdfStructure } from '../src/testing/pdfStructure';
import { demoModel } from '../src/models/demo';
import { diagramVectors } from '../src/viz/diagramVectors';
import { formatValue } from '../src/viz/vectors';
import { engineTrace } from './helpers';

/**
 * `<gate-scope>` (dist/lib/gate-scope.js) in pages of its own: a plain HTML page with three
 * elements (public/examples/element/index.html), a Markdown page rendered by pandoc
 * (course.html), a Jupyter notebook rendered by nbconvert (notebook.html), and the example reveal.js deck with the reveal-gatescope plugin.
 */
const PLAIN = './examples/element/index.html';
const DECK = './examples/reveal/index.html';

const status = (el: Locator) => el.getByRole('status').filter({ hasText: /^Step t/ });

/** Every number the element's cell diagram shows is the engine's, for this kind, sentence and step. */
async function expectEngineNumbers(el: Locator, kind: CellKind, text: string, t: number) {
  const diagram = el.getByRole('group', { name: new RegExp(`cell at step t = ${t}$`) });
  await expect(diagram).toBeVisible();
  const expected = diagramVectors(engineTrace(kind, text)[t]!, demoModel(kind).cell);
  const strips = el.locator('figure.cell-diagram g.strip');
  const ids = await strips.evaluateAll((els) => els.map((e) => e.getAttribute('data-vector')!));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  for (const id of ids) {
    const want = expected[id as keyof typeof expected]!.values;
    const got = await el
      .locator(`figure.cell-diagram g.strip[data-vector="${id}"] [role="button"]`)
      .evaluateAll((els) => els.map((e) => ({ unit: Number(e.getAttribute('data-unit')), exact: Number(e.getAttribute('data-value')), name: e.getAttribute('aria-label')! })));
    expect(got.length, id).toBeGreaterThan(0);
    for (const g of got) {
      expect(Math.abs(g.exact - want[g.unit]!), `${id}[${g.unit}]`).toBeLessThan(1e-12);
      expect(g.name.slice(g.name.lastIndexOf(': ') + 2), `${id}[${g.unit}]`).toBe(formatValue(want[g.unit]!));
    }
  }
}

test('two elements on a plain page are two independent figures, with the engine’s numbers', async ({ page }) => {
  await page.goto(PLAIN);
  const lstm = page.locator('#lstm');
  const gru = page.locator('#gru');
  await expect(status(lstm)).toHaveText('Step t = 2 of 5: token “are”');
  await expect(status(gru)).toHaveText('Step t = 1 of 4: token “grew”');
  await expectEngineNumbers(lstm, 'lstm', 'the clouds are in the sky', 2);
  await expectEngineNumbers(gru, 'gru', 'I grew up in France', 1);
  // Stepping one with its own button leaves the other where it was.
  await lstm.getByRole('button', { name: 'Step forward' }).click();
  await expect(status(lstm)).toHaveText('Step t = 3 of 5: token “in”');
  await expect(status(gru)).toHaveText('Step t = 1 of 4: token “grew”');
  await expectEngineNumbers(lstm, 'lstm', 'the clouds are in the sky', 3);
  await page.screenshot({ path: 'test-results/shots/element-plain.png', fullPage: true });
});

test('an element’s equations are set in KaTeX’s own fonts, installed once on the host page', async ({ page }) => {
  await page.goto(PLAIN);
  const lstm = page.locator('#lstm');
  await expect(status(lstm)).toBeVisible();
  await lstm.locator('figure.cell-diagram [data-node^="layer"]').first().click();
  await expect(lstm.locator('.gate-panel .eq .katex-html').first()).toBeVisible();
  // A shadow root ignores its own @font-face rules: without the faces on the document, the
  // equations fall back to the system's serif and no KaTeX face is ever loaded.
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    const katex: FontFace[] = [];
    document.fonts.forEach((f) => {
      if (f.family.replace(/"/g, '').startsWith('KaTeX_')) katex.push(f);
    });
    return { all: katex.length, loaded: katex.filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')) };
  });
  expect(faces.all).toBeGreaterThan(10);
  expect(faces.loaded).toContain('KaTeX_Main');
  // Three elements on the page, one set of faces.
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
});

test('an element follows its attributes: kind, text and t', async ({ page }) => {
  await page.goto(PLAIN);
  const lstm = page.locator('#lstm');
  await expect(status(lstm)).toHaveText('Step t = 2 of 5: token “are”');
  await lstm.evaluate((el) => el.setAttribute('kind', 'gru'));
  await expectEngineNumbers(lstm, 'gru', 'the clouds are in the sky', 2);
  const text = 'I grew up in France, I speak fluent French';
  await lstm.evaluate((el, v) => el.setAttribute('text', v), text);
  // The new sentence opens at the step the t attribute names.
  await expect(status(lstm)).toHaveText('Step t = 2 of 9: token “up”');
  await expectEngineNumbers(lstm, 'gru', text, 2);
  await lstm.evaluate((el) => el.setAttribute('t', '7'));
  await expect(status(lstm)).toHaveText('Step t = 7 of 9: token “speak”');
  await expectEngineNumbers(lstm, 'gru', text, 7);
  // Several at once, as a script sets them.
  await lstm.evaluate((el) => {
    el.setAttribute('kind', 'rnn');
    el.setAttribute('text', 'a b c');
    el.setAttribute('t', '1');
  });
  await expect(status(lstm)).toHaveText('Step t = 1 of 2: token “b”');
  await expectEngineNumbers(lstm, 'rnn', 'a b c', 1);
  // The other element did not move.
  await expect(status(page.locator('#gru'))).toHaveText('Step t = 1 of 4: token “grew”');
});

test('a page drives an element: step, next(), prev(), reset() and the step event', async ({ page }) => {
  await page.goto(PLAIN);
  const gru = page.locator('#gru');
  await expect(status(gru)).toHaveText('Step t = 1 of 4: token “grew”');
  type Driven = HTMLElement & { step: number; steps: number; next(): void; prev(): void; reset(): void };
  const fired = await gru.evaluate(
    (el: Driven) =>
      new Promise((resolve) => {
        el.addEventListener('step', (e) => resolve((e as CustomEvent).detail), { once: true });
        el.next();
      }),
  );
  expect(fired).toEqual({ step: 2, steps: 5, token: 'up' });
  await expect(status(gru)).toHaveText('Step t = 2 of 4: token “up”');
  expect(await gru.evaluate((el: Driven) => [el.step, el.steps])).toEqual([2, 5]);
  await gru.evaluate((el: Driven) => el.prev());
  await expect(status(gru)).toHaveText('Step t = 1 of 4: token “grew”');
  await gru.evaluate((el: Driven) => {
    el.step = 4;
  });
  await expect(status(gru)).toHaveText('Step t = 4 of 4: token “France”');
  await expectEngineNumbers(gru, 'gru', 'I grew up in France', 4);
  await gru.evaluate((el: Driven) => el.reset());
  await expect(status(gru)).toHaveText('Step t = 0 of 4: token “I”');
});

test('an element hands out its figure: toPNG() at 2×, toPDF() as one page, and controls="full" has the buttons', async ({ page }) => {
  await page.goto(PLAIN);
  const lstm = page.locator('#lstm');
  await expect(status(lstm)).toHaveText('Step t = 2 of 5: token “are”');
  type Handing = HTMLElement & { toSVG(): string | null; toPNG(scale?: number): Promise<Blob>; toPDF(): Promise<Blob> };
  const got = await lstm.evaluate(async (el: Handing) => {
    const png = await createImageBitmap(await el.toPNG());
    const pdf = new Uint8Array(await (await el.toPDF()).arrayBuffer());
    let bin = '';
    for (const b of pdf) bin += String.fromCharCode(b);
    return { svg: el.toSVG()!, png: [png.width, png.height], pdf: btoa(bin) };
  });
  const root = /^<svg [^>]*>/.exec(got.svg)![0];
  const size = [/ width="([\d.]+)"/, / height="([\d.]+)"/].map((r) => Number(r.exec(root)![1]));
  expect(got.png).toEqual(size.map((x) => Math.round(2 * x)));
  const pdf = readPdfStructure(new Uint8Array(Buffer.from(got.pdf, 'base64')));
  expect([pdf.pages, pdf.image?.filter]).toEqual([1, 'DCTDecode']);
  // controls="full": the export buttons under the figure, as in the app's menu.
  await lstm.evaluate((el) => el.setAttribute('controls', 'full'));
  const bar = lstm.getByRole('group', { name: 'Export' });
  await expect(bar.getByRole('button')).toHaveText(['Figure as SVG', 'Figure as PNG (2×, for print)', 'Handout as PDF (one page)', 'Copy figure as image']);
  const [d] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Handout as PDF' }).click()]);
  expect(d.suggestedFilename()).toBe('gatescope-lstm-cell-t2.pdf');
  // Every control comes above the figure: in a 16:9 element the figure's end is scrolled to, never cut off.
  const figure = lstm.getByRole('group', { name: /cell at step t = 2$/ });
  // The reader's way there: the wheel over the element (a box that hides its overflow does not scroll).
  await lstm.scrollIntoViewIfNeeded();
  const inside = (await lstm.boundingBox())!;
  await page.mouse.move(inside.x + inside.width / 2, inside.y + inside.height / 2);
  await page.mouse.wheel(0, 3000);
  await expect.poll(async () => (await figure.boundingBox())!.y + (await figure.boundingBox())!.height - inside.y - inside.height).toBeLessThanOrEqual(1);
});

test('a bad attribute value is named in the element with what it allows, and the figure still shows', async ({ page }) => {
  await page.goto(PLAIN);
  const typo = page.locator('#typo');
  const alert = typo.getByRole('alert');
  await expect(alert).toContainText('<gate-scope> kind="transformer" is not a value it takes (rnn, lstm, gru, peephole, coupled');
  await expect(alert).toContainText('<gate-scope> controls="some" is not a value it takes (none, step, full)');
  // The defaults are used: the demo LSTM on the default sentence.
  await expectEngineNumbers(typo, 'lstm', 'the clouds are in the sky', 0);
  // Set later, a bad value is named too; put right, the message goes.
  await typo.evaluate((el) => el.setAttribute('view', 'sideways'));
  await expect(alert).toContainText('view="sideways" is not a value it takes (cell, unrolled, heatmap, gradient, train, translate)');
  await typo.evaluate((el) => {
    el.setAttribute('kind', 'gru');
    el.setAttribute('controls', 'none');
    el.setAttribute('view', 'cell');
  });
  await expect(typo.getByRole('alert')).toHaveCount(0);
  await expectEngineNumbers(typo, 'gru', 'the clouds are in the sky', 0);
  // controls="none": the figure alone, no step buttons.
  await expect(typo.getByRole('button', { name: 'Step forward' })).toHaveCount(0);
});

test('in a Markdown page (rendered by pandoc) the element draws the engine’s numbers', async ({ page }) => {
  await page.goto('./examples/element/course.html');
  const el = page.locator('gate-scope');
  await expect(status(el)).toHaveText('Step t = 1 of 5: token “clouds”');
  await expectEngineNumbers(el, 'lstm', 'the clouds are in the sky', 1);
  await page.screenshot({ path: 'test-results/shots/element-markdown.png', fullPage: true });
});

test('in a Jupyter notebook cell’s HTML output (the notebook as nbconvert renders it) the element draws the engine’s numbers', async ({ page }) => {
  await page.goto('./examples/element/notebook.html');
  const el = page.locator('.output_html gate-scope');
  await expect(status(el)).toHaveText('Step t = 1 of 4: token “grew”');
  await expectEngineNumbers(el, 'gru', 'I grew up in France', 1);
  await page.screenshot({ path: 'test-results/shots/element-notebook.png', fullPage: true });
});

type DeckWindow = Window & { __deck?: { getIndices: () => { h: number } } };
const slideIndex = (page: Page) => page.evaluate(() => (window as DeckWindow).__deck?.getIndices().h ?? -1);

test('in the reveal deck → steps a figure through its stops and on to the next slide; ← goes back', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(DECK);
  await expect.poll(() => slideIndex(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(1);
  const cell = page.getByTestId('figure-cell');
  await expect(status(cell)).toHaveText('Step t = 0 of 5: token “the”');
  for (let t = 1; t <= 5; t++) {
    await page.keyboard.press('ArrowRight');
    await expect(status(cell)).toHaveText(new RegExp(`^Step t = ${t} of 5`));
  }
  await expectEngineNumbers(cell, 'lstm', 'the clouds are in the sky', 5);
  expect(await slideIndex(page)).toBe(1);
  // Past the last word, the deck moves on: a trained model, whose stops are data-steps="0,3,4".
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(2);
  const sentiment = page.getByTestId('figure-sentiment');
  // A model's slide says its step in its prediction line; the step line is there for screen readers.
  const where = status(sentiment);
  await expect(where).toContainText('t = 0');
  await page.keyboard.press('ArrowRight');
  await expect(where).toContainText('t = 3');
  await page.screenshot({ path: 'test-results/shots/element-deck.png' });
  await page.keyboard.press('ArrowRight');
  await expect(where).toContainText('t = 4');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(3);
  // Back: the slide returns at its last stop, then each ← goes one stop back, then a slide back.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slideIndex(page)).toBe(2);
  await expect(where).toContainText('t = 4');
  await page.keyboard.press('ArrowLeft');
  await expect(where).toContainText('t = 3');
  await page.keyboard.press('ArrowLeft');
  await expect(where).toContainText('t = 0');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slideIndex(page)).toBe(1);
});

/** The share of a PGM page’s pixels that are not paper white, below its top quarter (the slide’s title). */
function inkBelowTitle(file: string): number {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 64).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = buf.length - w * h;
  let dark = 0;
  for (let y = Math.floor(h / 4); y < h; y++) for (let x = 0; x < w; x++) if (buf[start + y * w + x]! < 245) dark++;
  return dark / (w * (h - Math.floor(h / 4)));
}

test('the deck’s ?print-pdf prints every stop of every figure as a drawn figure, never blank', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${DECK}?print-pdf`);
  await expect(page.locator('.pdf-page').first()).toBeAttached({ timeout: 60_000 });
  // 1 title, 6 stops of the cell, 3 of the trained model, 3 of the unrolled chains, 1 closing slide.
  await expect(page.locator('.pdf-page')).toHaveCount(14);
  await expect(page.locator('figure.gatescope-print')).toHaveCount(12);
  const captions = await page.locator('figure.gatescope-print figcaption').allTextContents();
  expect(captions.slice(6, 9)).toEqual(['t = 0 of 4: “the”', 't = 3 of 4: “not”', 't = 4 of 4: “good”']);
  const dir = mkdtempSync(join(tmpdir(), 'gatescope-pdf-'));
  await page.pdf({ path: join(dir, 'deck.pdf'), preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-gray', '-r', '30', join(dir, 'deck.pdf'), join(dir, 'page')]);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort();
  expect(pages.length).toBe(14);
  const ink = pages.map((f) => inkBelowTitle(join(dir, f)));
  console.log('ink below the title, page by page:', ink.map((x) => x.toFixed(4)).join(' '));
  // The closing slide (its title only) is what a page without a figure inks; each figure page
  // inks several times that (the faintest: the unrolled chains at t = 0, all but one cell pale).
  expect(ink[13]!).toBeLessThan(0.02);
  for (let k = 1; k <= 12; k++) expect(ink[k]!, `page ${k + 1}`).toBeGreaterThan(Math.max(0.04, 4 * ink[13]!));
});
