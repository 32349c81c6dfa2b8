/**
 * One truth: after every control a reader can change, every number on the page is the engine's
 * for what the page says is shown — the values table, the diagram's swatches, the prediction and
 * the exported trace all equal `npm run trace` for the model, sentence, layer and step on screen.
 * In English and in Chinese, since the controls are found by their names in each language.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { translator } from '../src/i18n';
import type { Lang } from '../src/shared/prefs';
import { exportButton, randomModelFile, readTable, showValuesTable } from './helpers';
import { WELCOME, WELCOME_ZH } from '../src/store/urlParams';

type Vectors = Record<string, number[]>;
interface Trace {
  readonly model: string;
  readonly tokens: ReadonlyArray<{ token: string }>;
  readonly steps: ReadonlyArray<Vectors & { prediction?: number[]; layers?: Vectors[] }>;
}

const traces = new Map<string, Trace>();
/** `npm run trace` for a model id (or a model file), memoised: each run is a Node process. */
function npmTrace(model: { id: string } | { file: string }, text: string): Trace {
  const key = `${JSON.stringify(model)}\n${text}`;
  let tr = traces.get(key);
  if (!tr) {
    const which = 'id' in model ? ['--model', model.id] : ['--weights', model.file];
    const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/trace.ts', ...which, '--text', text], { encoding: 'utf8' });
    tr = JSON.parse(out) as Trace;
    traces.set(key, tr);
  }
  return tr;
}

const VECTOR_KEYS = (v: Record<string, unknown>) => Object.keys(v).filter((k) => k !== 't' && k !== 'token' && k !== 'prediction' && k !== 'layers');

/** What the page says it shows: the model's id, the sentence, the step, the layer. */
async function onScreen(page: Page) {
  const model = (await page.locator('.model-info code').first().textContent())!;
  const text = await page.locator('#sentence-input').inputValue();
  const t = Number(await page.locator('.controls input[type="range"]').inputValue());
  const layerPicked = page.locator('.layer-picker [role="radio"][aria-checked="true"]');
  const layer = (await layerPicked.count()) > 0 ? Number(await layerPicked.getAttribute('data-layer')) : 0;
  return { model, text, t, layer };
}

/** Every number the page shows for the current step, against `npm run trace` for what it says it shows. */
async function expectEngineNumbers(page: Page, lang: Lang, label: string, opts: { file?: string; exported?: boolean } = {}) {
  const file = opts.file;
  const tr = translator(lang);
  // Nothing is still on its way: no model loading, the table caught up.
  await expect(page.locator('main[data-switching]')).toHaveCount(0);
  const shown = await onScreen(page);
  const trace = npmTrace(file ? { file } : { id: shown.model }, shown.text);
  expect(trace.model, label).toBe(shown.model);
  const step = trace.steps[shown.t]!;
  const want: Vectors = step.layers ? step.layers[shown.layer]! : Object.fromEntries(VECTOR_KEYS(step).map((k) => [k, step[k] as number[]]));

  // The table as it stands, not scrolled to: what a screen reader reads. It may be a step behind
  // (off screen it waits for the reader), but its rows and numbers are this model's at the step
  // its caption names.
  const inPlace = await page.locator('.values-wrap table').evaluate((el) => {
    const heads = Array.from(el.querySelectorAll('thead th'));
    const unitOf = (k: number, td: Element) => {
      const col = td.getAttribute('aria-colindex');
      return col !== null ? Number(col) - 2 : Number(/\d+/.exec(heads[k + 1]?.textContent ?? '')?.[0] ?? Number.NaN) - 1;
    };
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((tr) => ({
      id: tr.getAttribute('data-vector')!,
      cells: Array.from(tr.querySelectorAll('td[data-value]')).map((td, k) => ({ unit: unitOf(k, td), value: Number(td.getAttribute('data-value')) })),
    }));
    return { caption: el.querySelector('caption')!.textContent!, rows };
  });
  const captionStep = Number(/t = (\d+)/.exec(inPlace.caption)?.[1]);
  const atCaption = trace.steps[captionStep];
  expect(atCaption, `${label}: the table's caption names a step of this sentence (${inPlace.caption})`).toBeDefined();
  const wantThen: Vectors = atCaption!.layers ? atCaption!.layers[shown.layer]! : Object.fromEntries(VECTOR_KEYS(atCaption!).map((k) => [k, atCaption![k] as number[]]));
  expect(
    inPlace.rows.map((r) => r.id),
    `${label}: the table's rows, unscrolled`,
  ).toEqual(Object.keys(wantThen));
  for (const r of inPlace.rows) for (const c of r.cells) expect(Math.abs(wantThen[r.id]![c.unit]! - c.value), `${label}: unscrolled table ${r.id}[${c.unit}]`).toBeLessThan(1e-12);

  // The values table, scrolled to: every row, every unit, at the step on screen.
  const caption = tr('valuesAt', { t: shown.t });
  // Off screen the table may keep an earlier step of the same run (marked stale); a reader scrolls to it.
  await showValuesTable(page);
  await expect(page.getByRole('table', { name: caption }), label).toBeVisible();
  // A cell larger than the diagram's rows: every unit, not only the diagram's.
  const showAll = page.locator('.values-wrap button.show-all[aria-pressed="false"]');
  if ((await showAll.count()) > 0) await showAll.click();
  const table = await readTable(page, new RegExp(`^${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  expect(Object.keys(table), label).toEqual(Object.keys(want));
  for (const [id, values] of Object.entries(want)) {
    expect(table[id]!.exact.length, `${label}: ${id}`).toBe(values.length);
    values.forEach((x, k) => expect(Math.abs(table[id]!.exact[k]! - x), `${label}: ${id}[${k}]`).toBeLessThan(1e-12));
  }

  // The cell diagram's swatches, when it is the view on screen.
  const strips = page.locator('g.strip[data-vector]');
  if ((await page.getByRole('tab', { name: tr('view.cell') }).getAttribute('aria-selected')) === 'true') {
    await expect(strips.first(), label).toBeVisible();
    const swatches = await strips.evaluateAll((gs) =>
      gs.flatMap((g) =>
        Array.from(g.querySelectorAll('[role="button"][data-unit]')).map((e) => ({
          id: g.getAttribute('data-vector')!,
          unit: Number(e.getAttribute('data-unit')),
          value: Number(e.getAttribute('data-value')),
        })),
      ),
    );
    // The diagram also draws products the trace does not list (f ⊙ C_{t−1} kept, i ⊙ C̃ written):
    // every vector the trace has is checked, and h_t must be among them.
    const checked = swatches.filter((s) => want[s.id] !== undefined);
    expect(new Set(checked.map((s) => s.id)).has('h'), `${label}: the diagram draws h_t`).toBe(true);
    for (const s of checked) expect(Math.abs(want[s.id]![s.unit]! - s.value), `${label}: swatch ${s.id}[${s.unit}]`).toBeLessThan(1e-12);
  }

  // The prediction: a sentiment model's P(positive), a memory model's top label.
  const pred = page.getByTestId('prediction');
  if (step.prediction && (await pred.count()) > 0) {
    const value = await pred.getAttribute('data-value');
    if (value !== null && step.prediction.length === 2) expect(Math.abs(Number(value) - step.prediction[1]!), `${label}: prediction`).toBeLessThan(1e-12);
  }

  // The exported trace (where asked: a download is slow): the whole sentence, every step, every vector.
  if (!opts.exported) return;
  const [download] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, tr('export.json'), tr('export.menu'))).click()]);
  const exported = JSON.parse((await (await download.createReadStream()).toArray()).join('')) as Trace & { layers?: number };
  await page.keyboard.press('Escape');
  expect(exported.model, label).toBe(shown.model);
  expect(exported.steps.length, label).toBe(trace.steps.length);
  exported.steps.forEach((s, t) => {
    const ref = trace.steps[t]!;
    const a = s.layers ?? [s];
    const b = ref.layers ?? [ref];
    a.forEach((vs, l) => {
      for (const id of VECTOR_KEYS(b[l]!)) {
        const x = (vs as Vectors)[id]!;
        const y = (b[l] as Vectors)[id]!;
        x.forEach((v, k) => expect(Math.abs(v - y[k]!), `${label}: export t=${t} ${id}[${k}]`).toBeLessThan(1e-12));
      }
    });
  });
}

const controls = (lang: Lang, page: Page) => {
  const tr = translator(lang);
  return {
    tr,
    kind: (k: string) => page.getByRole('radio', { name: tr(`kind.${k}` as Parameters<typeof tr>[0]), exact: true }),
    task: (k: string) => page.getByRole('radio', { name: tr(`task.${k}` as Parameters<typeof tr>[0]), exact: true }),
    modelShown: () => page.locator('.model-info code').first(),
  };
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: after each kind and model picked, the table, diagram, prediction and export are npm run trace's`, async ({ page }) => {
    test.setTimeout(180_000);
    const { tr, kind, task, modelShown } = controls(lang, page);
    await page.goto(`./?lang=${lang}`);
    await expectEngineNumbers(page, lang, 'opened');
    // A bare address opens the welcome of the page's language: the English or the Chinese sentiment model.
    const welcome = (lang === 'zh' ? WELCOME_ZH : WELCOME).model.replace(/-lstm$/, '');

    // A kind, with its model held back: the radio is checked at once, and while the file is on
    // its way the figure is dimmed and names the model coming.
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route(`**/models/${welcome}-gru.json`, async (route) => {
      await held;
      await route.continue();
    });
    await kind('gru').click();
    await expect(kind('gru')).toBeChecked();
    await expect(page.locator('main[data-switching]')).toHaveCount(1);
    await expect(page.locator('.switching-label')).toHaveText(tr('model.loading', { id: `${welcome}-gru` }));
    release();
    await expect(modelShown()).toHaveText(`${welcome}-gru`);
    await expectEngineNumbers(page, lang, 'kind → GRU', { exported: true });

    for (const k of ['peephole', 'rnn', 'coupled']) {
      await kind(k).click();
      await expect(modelShown()).toHaveText(`${welcome}-${k}`);
      await expectEngineNumbers(page, lang, `kind → ${k}`);
    }

    await task('demo').click();
    await expect(modelShown()).toHaveText('demo-coupled');
    await expectEngineNumbers(page, lang, 'model → demo', { exported: true });
    await kind('lstm').click();
    await expect(modelShown()).toHaveText('demo-lstm');
    await expectEngineNumbers(page, lang, 'demo kind → LSTM');

    await task('memory').click();
    await expect(modelShown()).toHaveText('memory-lstm');
    await expectEngineNumbers(page, lang, 'model → memory');
  });

  test(`${lang}: after the sentence, step, view, layer, language or a file changes, the numbers are npm run trace's`, async ({ page }) => {
    test.setTimeout(180_000);
    const { tr, task, modelShown } = controls(lang, page);
    await page.goto(`./?lang=${lang}&model=memory-gru`);
    await expect(modelShown()).toHaveText('memory-gru');
    await page.getByRole('textbox', { name: tr('sentence') }).fill('i grew up in france and i speak fluent french');
    await expectEngineNumbers(page, lang, 'sentence typed');
    await page.getByRole('button', { name: tr('stepForward') }).click();
    await page.getByRole('button', { name: tr('stepForward') }).click();
    await expectEngineNumbers(page, lang, 'two steps forward');

    await page.getByRole('tab', { name: tr('view.heatmap') }).click();
    await expectEngineNumbers(page, lang, 'view → heatmaps');
    await page.getByRole('tab', { name: tr('view.cell') }).click();

    await task('sentiment').click();
    await expect(modelShown()).toHaveText('sentiment-gru');
    await page.getByRole('checkbox', { name: tr('task.stacked') }).check();
    await expect(modelShown()).toHaveText('sentiment-lstm-2layers');
    await page.getByRole('radio', { name: tr('layer.n', { n: 2 }) }).click();
    await expectEngineNumbers(page, lang, 'stacked, layer 2', { exported: true });

    const other: Lang = lang === 'en' ? 'zh' : 'en';
    await page.getByRole('combobox', { name: tr('language') }).selectOption(other);
    await expectEngineNumbers(page, other, 'language switched');
    await page.getByRole('combobox', { name: translator(other)('language') }).selectOption(lang);

    // A model file the reader brings.
    const file = randomModelFile('gru', 4, 5, ['i', 'grew', 'up', 'in', 'france'], 7);
    const path = join(mkdtempSync(join(tmpdir(), 'gatescope-')), file.name);
    writeFileSync(path, file.buffer);
    await page.getByTestId('own-model-input').setInputFiles(file);
    await expect(modelShown()).toHaveText(file.name.replace(/\.json$/, ''));
    await expectEngineNumbers(page, lang, 'own model file', { file: path, exported: true });
  });
}
