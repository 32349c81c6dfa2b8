import { CELL_KINDS } from '../src/engine';
import { expect, test, type Page } from '@playwright/test';
import type { CellKind, LstmTrace } from '../src/engine';
import { translator } from '../src/i18n';
import { demoModel } from '../src/models/demo';
import { diagramVectors } from '../src/viz/diagramVectors';
import { formatCompact, formatValue, parseShown } from '../src/viz/vectors';
import { engineTrace, expectTableMatches, exportButton, randomModelFile, showValuesTable } from './helpers';
import { embedToken, run } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { tokenize } from '../src/text/tokenize';

const SENTENCE = 'I grew up in France, I speak fluent French';
const T = 4;
const url = (kind: CellKind, extra = '') => `./?text=${encodeURIComponent(SENTENCE)}&t=${T}&cell=${kind}${extra}`;
const diagram = (page: Page) => page.getByRole('group', { name: new RegExp(`cell at step t = ${T}$`) });

for (const kind of CELL_KINDS) {
  test(`${kind}: every number on the diagram is the engine's`, async ({ page }) => {
    await page.goto(url(kind));
    await expect(diagram(page)).toBeVisible();
    // The cell and, for kinds with a belt, the belt equation under it.
    const svg = page.locator('figure.cell-diagram');
    if (kind !== 'rnn') await expect(page.getByRole('group', { name: `The belt in numbers at step t = ${T}: what is kept plus what is written` })).toBeVisible();
    const expected = diagramVectors(engineTrace(kind, SENTENCE)[T]!, demoModel(kind).cell);
    const strips = svg.locator('g.strip');
    const ids = await strips.evaluateAll((els) => els.map((e) => e.getAttribute('data-vector')!));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      const want = expected[id as keyof typeof expected]!.values;
      const swatches = svg.locator(`g.strip[data-vector="${id}"] [role="button"]`);
      const got = await swatches.evaluateAll((els) =>
        els.map((e) => ({ unit: Number(e.getAttribute('data-unit')), exact: Number(e.getAttribute('data-value')), name: e.getAttribute('aria-label')! })),
      );
      expect(got.length, id).toBe(want.length);
      for (const g of got) {
        expect(Math.abs(g.exact - want[g.unit]!), `${id}[${g.unit}]`).toBeLessThan(1e-12);
        const shown = g.name.slice(g.name.lastIndexOf(': ') + 2);
        // The sLSTM's gates without m can be huge: written compactly (exponent form), not to three decimals.
        const wide = expected[id as keyof typeof expected]!.wide === true;
        expect(shown, `${id}[${g.unit}] ${g.name}`).toBe((wide ? formatCompact : formatValue)(want[g.unit]!));
        if (!wide) expect(Math.abs(parseShown(shown) - want[g.unit]!)).toBeLessThanOrEqual(0.0005 + 1e-12);
      }
    }
  });
}

test('swatch names read like "forget gate f_t, unit 1: 0.774", in English and Chinese', async ({ page }) => {
  const f = (engineTrace('lstm', SENTENCE)[T] as LstmTrace).f;
  await page.goto(url('lstm'));
  await expect(diagram(page).getByRole('button', { name: `forget gate f_t, unit 1: ${formatValue(f[0]!)}`, exact: true })).toBeVisible();
  await page.goto(url('lstm', '&lang=zh'));
  const zh = translator('zh');
  const name = zh('diag.swatch', { name: zh('row.f'), k: 1, v: formatValue(f[0]!) });
  expect(name).toContain('单元 1');
  await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
});

test('peephole shows its three peephole connections; LSTM has none', async ({ page }) => {
  await page.goto(url('peephole'));
  const svg = diagram(page);
  await expect(svg.getByRole('img', { name: /^peephole: / })).toHaveCount(3);
  await expect(svg.getByRole('img', { name: 'peephole: C_{t−1} into forget gate f_t' })).toBeVisible();
  await expect(svg.getByRole('img', { name: 'peephole: C_{t−1} into input gate i_t' })).toBeVisible();
  await expect(svg.getByRole('img', { name: 'peephole: C_t into output gate o_t' })).toBeVisible();
  for (const g of ['f', 'i', 'o']) await expect(page.getByTestId(`peephole-${g}`)).toHaveCount(1);
  await page.goto(url('lstm'));
  await expect(diagram(page).getByRole('img', { name: /^peephole: / })).toHaveCount(0);
});

test('coupled LSTM: no input-gate layer, a 1− node that outputs i = 1 − f', async ({ page }) => {
  await page.goto(url('coupled'));
  const svg = diagram(page);
  await expect(svg.getByRole('button', { name: /^σ layer → forget gate/ })).toHaveCount(1);
  await expect(svg.getByRole('button', { name: /layer → input gate/ })).toHaveCount(0);
  const one = svg.getByRole('button', { name: /^pointwise one minus 1− → input gate i_t: / });
  await expect(one).toHaveCount(1);
  await one.click();
  const tr = engineTrace('coupled', SENTENCE)[T] as LstmTrace;
  await expect(page.getByTestId('equation')).toHaveText('it = 1 − ft');
  await expect(page.getByTestId('equation-numbers')).toHaveText(`= 1 − ${formatValue(tr.f[0]!)} = ${formatValue(tr.i[0]!)}`);
});

test('the gate panel shows the activation and the equation with the selected unit plugged in', async ({ page }) => {
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(url('lstm'));
  const before = scripts.length;
  const tr = engineTrace('lstm', SENTENCE)[T] as LstmTrace;
  const layer = diagram(page).getByRole('button', { name: /^σ layer → forget gate f_t: / });
  await layer.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'σ → forget gate f_t' });
  await expect(panel.getByRole('img', { name: /σ curve/ })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Unit' }).selectOption('3');
  await expect(panel.getByTestId('equation-numbers')).toHaveText(`= σ(${formatValue(tr.pre.f![2]!)}) = ${formatValue(tr.f[2]!)}`);
  const exact = Number(await panel.getByTestId('equation-numbers').getAttribute('data-value'));
  expect(Math.abs(exact - tr.f[2]!)).toBeLessThan(1e-12);
  // Clicking a swatch of C̃ opens its layer at that unit.
  await diagram(page)
    .getByRole('button', { name: /^candidate C̃_t, unit 5: / })
    .click();
  await expect(page.getByTestId('equation-numbers')).toHaveText(`= tanh(${formatValue(tr.pre.g[4]!)}) = ${formatValue(tr.cTilde[4]!)}`);
  // KaTeX typesets both equations, loaded on demand as its own chunk, under the strict CSP.
  const panel2 = page.locator('.gate-panel');
  await expect(panel2.locator('.eq .katex-html')).toHaveCount(2);
  await expect(panel2.locator('.eq.numbers .tex')).toHaveAttribute('data-tex', `= \\tanh (${formatValue(tr.pre.g[4]!).replace('−', '-')}) = ${formatValue(tr.cTilde[4]!).replace('−', '-')}`);
  expect(scripts.slice(before).some((u) => /katex/i.test(u))).toBe(true);
  expect(csp).toEqual([]);
});

test('GRU panel shows the reset-after candidate; peephole panel shows the p ⊙ C term', async ({ page }) => {
  await page.goto(url('gru'));
  await diagram(page)
    .getByRole('button', { name: /^tanh layer → candidate n_t/ })
    .click();
  await expect(page.getByTestId('equation')).toHaveText('nt = tanh(Wn xt + bWn + rt ⊙ (Un ht−1 + bUn))');
  await expect(page.locator('.gru-note')).toContainText('colah');
  await expect(page.locator('.gru-note')).toContainText('resets after the recurrent product');
  await page.goto(url('peephole'));
  await diagram(page)
    .getByRole('button', { name: /^σ layer → output gate o_t/ })
    .click();
  await expect(page.getByTestId('equation')).toContainText('+ po ⊙ Ct');
  await expect(page.locator('.gate-panel .detail')).toContainText('po ⊙ Ct =');
});

/** Records whether the svg ever had data-animating while `act` ran. */
async function everAnimated(page: Page, act: () => Promise<void>, waitMs = 900): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { __animated: boolean };
    w.__animated = false;
    const svg = document.querySelector('svg.diagram')!;
    new MutationObserver(() => {
      if (svg.getAttribute('data-animating') === 'true') w.__animated = true;
    }).observe(svg, { attributes: true });
  });
  await act();
  await page.waitForTimeout(waitMs);
  return page.evaluate(() => (window as unknown as { __animated: boolean }).__animated);
}

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('a step plays forget → input → belt → output, then rests', async ({ page }) => {
    await page.goto(url('lstm'));
    await expect(diagram(page)).toBeVisible();
    await page.evaluate(() => {
      const w = window as unknown as { __stages: string[] };
      w.__stages = [];
      const svg = document.querySelector('svg.diagram')!;
      // Each stage as it comes, with how faint the output gate's layer (the last stage) is then.
      new MutationObserver(() => {
        const st = svg.getAttribute('data-stage');
        if (st && w.__stages.at(-1)?.split(' ')[0] !== st) w.__stages.push(`${st} ${getComputedStyle(svg.querySelector('g.st3')!).opacity}`);
      }).observe(svg, { attributes: true, attributeFilter: ['data-stage'] });
    });
    const animated = await everAnimated(page, () => page.getByRole('button', { name: 'Step forward' }).click());
    expect(animated).toBe(true);
    await expect(page.locator('svg.diagram')).not.toHaveAttribute('data-animating', 'true');
    await expect(page.locator('svg.diagram')).not.toHaveAttribute('data-stage');
    expect(await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages)).toEqual(['forget 0.25', 'input 0.25', 'belt 0.25', 'output 1']);
  });

  test('at 16 steps/s a stage would last under a frame: a step goes straight to its result', async ({ page }) => {
    await page.goto(url('lstm', '&speed=16'));
    await expect(diagram(page)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('16');
    const animated = await everAnimated(page, () => page.getByRole('button', { name: 'Step forward' }).click());
    expect(animated).toBe(false);
    const next = page.getByRole('group', { name: `LSTM cell at step t = ${T + 1}` });
    await expect(next).toBeVisible();
    // Nothing is dimmed in the frame that paints the step: the output (the last stage) at full strength.
    const opacity = await page.evaluate(async () => {
      Array.from(document.querySelectorAll('button'))
        .find((b) => b.textContent?.includes('Step back'))!
        .click();
      await new Promise((r) => requestAnimationFrame(r));
      return getComputedStyle(document.querySelector('svg.diagram g.st3')!).opacity;
    });
    expect(opacity).toBe('1');
    // And the numbers it shows are the engine's for that step.
    await page.getByRole('button', { name: 'Step forward' }).click();
    const h = engineTrace('lstm', SENTENCE)[T + 1]!.h;
    const shown = await next.locator('g.strip[data-vector="h"] [data-unit]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-unit')), e.getAttribute('aria-label')!] as const));
    expect(shown.length).toBeGreaterThan(0);
    for (const [u, name] of shown) expect(name.endsWith(`: ${formatValue(h[u]!)}`), name).toBe(true);
  });
});

test('with reduced motion, a step jumps straight to the result', async ({ page }) => {
  await page.goto(url('lstm'));
  await expect(diagram(page)).toBeVisible();
  const animated = await everAnimated(page, () => page.getByRole('button', { name: 'Step forward' }).click());
  expect(animated).toBe(false);
  await expect(page.getByRole('group', { name: `LSTM cell at step t = ${T + 1}` })).toBeVisible();
});

test('at hidden 128 the values table shows the diagram’s units, and all of them on request', async ({ page }) => {
  await page.goto(`./?text=${encodeURIComponent(SENTENCE)}&t=${T}`);
  await expect(diagram(page)).toBeVisible();
  await page.getByTestId('own-model-input').setInputFiles(randomModelFile('lstm', 8, 128, SENTENCE.split(' '), 7));
  await expect(page.getByTestId('model-origin')).toContainText('random-lstm-128.json');
  const table = page.locator('table.values');
  await showValuesTable(page);
  await expect(table.locator('tr[data-vector="h"] td')).toHaveCount(8);
  // The same units as the diagram's swatches, in the same order.
  const shown = await diagram(page)
    .locator('g.strip[data-vector="h"] [data-unit]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  const inTable = await table.locator('tr[data-vector="h"] td').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  expect(inTable).toEqual(shown);
  await page.getByRole('button', { name: 'Show all 128 units' }).click();
  // All 128, though only the columns scrolled to are built (the table says how many there are).
  await expect(table).toHaveAttribute('aria-colcount', '129');
  const built = await table.locator('tr[data-vector="h"] td[data-value]').count();
  expect(built).toBeGreaterThan(8);
  expect(built).toBeLessThan(40);
  const m = readModelFile(JSON.parse(randomModelFile('lstm', 8, 128, SENTENCE.split(' '), 7).buffer.toString())).model;
  const trace = run(
    m.cell,
    tokenize(SENTENCE).tokens.map((w) => embedToken(m.embedding, w).x),
  ).traces[T]!;
  await expectTableMatches(page, trace, T);
  // From the keyboard: → scrolls the table a column on, and does not step the sentence.
  const region = page.getByRole('region', { name: 'Every unit’s values (scroll sideways)' });
  await region.evaluate((el) => (el.scrollLeft = 0));
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  await expect(page.getByRole('table', { name: `Values at step t = ${T}` })).toBeVisible();
  await page.keyboard.press('End');
  await expect(table.locator(`thead th[aria-colindex="129"]`)).toHaveCount(1);
});

test('at hidden 128 a unit picked in "Choose units" is drawn, with the engine’s value', async ({ page }) => {
  const words = SENTENCE.split(' ');
  await page.goto(`./?text=${encodeURIComponent(SENTENCE)}&t=${T}`);
  const f = randomModelFile('lstm', 8, 128, words, 7);
  await page.getByTestId('own-model-input').setInputFiles(f);
  await expect(page.getByTestId('model-origin')).toContainText('random-lstm-128.json');
  // Closed, the picker holds no checkboxes (they are built when it opens).
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await page.getByText('Choose units').click();
  await expect(page.getByRole('checkbox')).toHaveCount(128);
  await page.getByRole('checkbox', { name: '100', exact: true }).check();
  const m = readModelFile(JSON.parse(f.buffer.toString('utf8'))).model;
  const h = run(
    m.cell,
    tokenize(SENTENCE, m.tokenizer).tokens.map((tok) => embedToken(m.embedding, tok).x),
  ).traces[T]!.h[99]!;
  const swatch = diagram(page).locator('g.strip[data-vector="h"] [data-unit="99"]');
  await expect(swatch).toHaveAttribute('aria-label', new RegExp(`unit 100: ${formatValue(h).replace('.', '\\.')}$`));
  expect(Math.abs(Number(await swatch.getAttribute('data-value')) - h)).toBeLessThan(1e-12);
});

test('"Figure as SVG" exports the cell diagram with this step’s numbers and inlined colours; the PNG is twice its size (for print)', async ({ page }) => {
  await page.goto(url('lstm'));
  await expect(diagram(page)).toBeVisible();
  const expected = diagramVectors(engineTrace('lstm', SENTENCE)[T]!, demoModel('lstm').cell);

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, 'Figure as SVG')).click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const text = (await readAll(await svgDownload.createReadStream())).toString('utf8');
  expect(text).toContain('data-kind="lstm"');
  expect(text).not.toContain('var(--');
  for (const id of ['f', 'i', 'o', 'c', 'h'] as const) for (const x of expected[id]!.values) expect(text, `${id} ${x}`).toContain(`>${formatValue(x)}<`);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, 'Figure as PNG')).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = await readAll(await pngDownload.createReadStream());
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const size = (attr: string) => Number(new RegExp(`^<svg [^>]*? ${attr}="([\\d.]+)"`).exec(text)![1]);
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.round(2 * size('width')), Math.round(2 * size('height'))]);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}
