import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations, runTrace } from './helpers';
import { WELCOME, WELCOME_ZH } from '../src/store/urlParams';

/**
 * The page is the figure: a bare address opens a trained model at a step where something
 * happens, and on a classroom projector (1280 × 720, 1366 × 768) the open view's figure is on
 * the first screen together with the sentence, the tokens and the step controls.
 */
const WELCOME_TEXT = 'the movie was not good';

async function inViewport(page: Page, el: Locator, what: string) {
  const box = (await el.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom at ${vp.width}×${vp.height}`).toBeLessThanOrEqual(vp.height);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(vp.width);
}

test('a bare address opens the trained sentiment LSTM at “not”, and its prediction is the engine’s', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./');
  // The live page: the first screen drawn in advance (e2e/prerender.spec.ts) has been replaced.
  await expect(page.locator('.prerender')).toHaveCount(0);
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.getByRole('textbox', { name: 'Sentence' })).toHaveValue(WELCOME_TEXT);
  await expect(page.locator('.step-status')).toHaveText('Step t = 3 of 4: token “not”');
  const want = runTrace('sentiment-lstm', WELCOME_TEXT).steps[3]!.prediction[1]!;
  const shown = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Math.abs(shown - want)).toBeLessThan(1e-12);
  // The untrained demo is one click away.
  await page.getByRole('radio', { name: 'Demo (untrained)' }).click();
  await expect(page.locator('.model-info code')).toHaveText('demo-lstm');
});

test('while the opening model loads, the view says so and draws nothing; then the figure is the trained model’s', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/sentiment-lstm.json', async (route) => {
    await held;
    await route.continue();
  });
  // A link that names only the theme: still the welcome, but not the bare address, whose first
  // screen is drawn in advance at build time (e2e/prerender.spec.ts) and shows no loading at all.
  await page.goto('./?theme=light');
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText('Loading sentiment-lstm…');
  // No stand-in: neither the demo cell's figure nor its values or report.
  await expect(page.locator('svg.diagram')).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.locator('.model-info')).toHaveCount(0);
  release();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  await expect(page.locator('svg.diagram')).toHaveAttribute('aria-label', /LSTM cell at step t = 3/);
  await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
});

for (const [w, h] of [
  [1280, 720],
  [1366, 768],
] as const) {
  test(`at ${w}×${h} each view’s figure is on the first screen with the sentence, tokens and controls`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const figures: Record<string, (p: Page) => Locator[]> = {
      cell: (p) => [p.getByRole('group', { name: 'LSTM cell at step t = 3' })],
      unrolled: (p) => [p.getByRole('group', { name: 'RNN unrolled over the sentence', exact: true }), p.getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true })],
      gradient: (p) => [p.getByRole('img', { name: /^RNN: influence on the last step/ }), p.getByRole('img', { name: /^LSTM: influence on the last step/ })],
    };
    for (const [view, find] of Object.entries(figures)) {
      await page.goto(`./?view=${view}`);
      await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
      for (const f of find(page)) {
        await expect(f).toBeVisible();
        await inViewport(page, f, `${view} figure`);
      }
      await inViewport(page, page.getByRole('textbox', { name: 'Sentence' }), 'sentence');
      await inViewport(page, page.getByRole('list', { name: 'Tokens' }), 'tokens');
      await inViewport(page, page.getByRole('button', { name: 'Step forward' }), 'step forward');
      await inViewport(page, page.getByRole('slider', { name: 'Timestep' }), 'timestep');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    }
  });
}

test('at 1920×1080 the prediction is on the first screen too', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await expect(page.locator('.prerender')).toHaveCount(0);
  await inViewport(page, page.getByRole('group', { name: 'LSTM cell at step t = 3' }), 'cell');
  await inViewport(page, page.getByTestId('prediction'), 'prediction');
});

for (const lang of ['en', 'zh'] as const)
  for (const theme of ['light', 'dark'] as const)
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
      [390, 844],
    ] as const)
      test(`first screen ${lang} ${theme} ${w}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(`./?lang=${lang}&theme=${theme}`);
        // A Chinese page opens on the Chinese sentiment model; an English one on the English.
        await expect(page.locator('.model-info code')).toHaveText((lang === 'zh' ? WELCOME_ZH : WELCOME).model);
        const cell = page.locator('svg.diagram');
        await expect(cell).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        if (w >= 1024) await inViewport(page, cell, 'cell');
        else {
          // A phone: the figure's top is on the first screen, and it fills the width.
          const box = (await cell.boundingBox())!;
          expect(box.y).toBeLessThan(h / 2);
          expect(box.width).toBeGreaterThan(w - 40);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
        await page.screenshot({ path: `test-results/shots/first-${lang}-${theme}-${w}.png` });
      });

/**
 * Every HTML control a finger can reach (the figure's own SVG parts aside), with its box (a check
 * box or a radio: its label's), and the pairs of them whose boxes overlap where they are seen: a
 * box scrolled out of a box that scrolls (the lesson's side column) is not there to touch.
 */
async function controlBoxes(page: Page) {
  return page.evaluate(() => {
    const found = Array.from(document.querySelectorAll('button, a[href], input, select, textarea, summary, [role="tab"]')).flatMap((el) => {
      if (el.closest('svg')) return [];
      const own = el.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) return [];
      const label = el.matches('input[type="checkbox"], input[type="radio"], input[type="file"]') ? el.closest('label') : null;
      const box = label ?? el;
      const r = box.getBoundingClientRect();
      let [x0, y0, x1, y1] = [r.left, r.top, r.right, r.bottom];
      for (let p = box.parentElement; p; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        [x0, y0, x1, y1] = [Math.max(x0, c.left), Math.max(y0, c.top), Math.min(x1, c.right), Math.min(y1, c.bottom)];
      }
      const name = `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? box.textContent ?? '').trim().slice(0, 40)}”`;
      return [{ el: box, name, w: r.width, h: r.height, seen: { x0, y0, x1, y1 } }];
    });
    const overlaps: string[] = [];
    found.forEach((a, i) => {
      for (const b of found.slice(i + 1)) {
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const across = Math.min(a.seen.x1, b.seen.x1) - Math.max(a.seen.x0, b.seen.x0);
        const down = Math.min(a.seen.y1, b.seen.y1) - Math.max(a.seen.y0, b.seen.y0);
        if (across > 1 && down > 1) overlaps.push(`${a.name} and ${b.name}`);
      }
    });
    return { boxes: found.map(({ name, w, h }) => ({ name, w, h })), overlaps };
  });
}

/** A finger's swipe across the element, from its middle: pointer events of a touch, as a phone sends them. */
async function swipe(target: Locator, dx: number, dy: number) {
  await target.evaluate(
    (el, { dx, dy }) => {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const at = (type: string, k: number) =>
        el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x + dx * k, clientY: y + dy * k }));
      at('pointerdown', 0);
      at('pointermove', 0.5);
      at('pointerup', 1);
    },
    { dx, dy },
  );
}

test.describe('on a phone (390 × 844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the figure’s top and the step bar are on the first screen, every control is at least 44 px, a swipe steps, the rest is behind Controls', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.prerender')).toHaveCount(0);
    await expect(page.locator('.model-info code')).toHaveText(WELCOME.model);
    const cell = page.getByRole('group', { name: 'LSTM cell at step t = 3' });
    await expect(cell).toBeVisible();
    expect((await cell.boundingBox())!.y, 'the figure’s top').toBeLessThan(844 / 2);
    const bar = page.getByRole('group', { name: 'Timestep' });
    for (const name of ['Step back', 'Play', 'Step forward']) await inViewport(page, bar.getByRole('button', { name, exact: true }), name);
    await inViewport(page, bar.getByRole('slider', { name: 'Timestep' }), 'timestep');
    // Under the figure, where a thumb is.
    expect((await bar.boundingBox())!.y).toBeGreaterThan((await cell.boundingBox())!.y + 100);
    await inViewport(page, page.getByRole('textbox', { name: 'Sentence' }), 'sentence');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The other choices are behind the Controls button: hidden, then shown, then closed by Escape.
    const menuButton = page.getByRole('button', { name: 'Controls' });
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('radiogroup', { name: 'Cell type' })).toBeHidden();
    await menuButton.click();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('region', { name: 'Controls' });
    for (const [role, name] of [
      ['radiogroup', 'Cell type'],
      ['combobox', 'Language'],
      ['combobox', 'Speed'],
      ['button', 'Share link'],
      ['tab', 'Heatmaps'],
    ] as const)
      await expect(menu.getByRole(role, { name }), name).toBeVisible();
    // Every control on the page, the menu's too: at least 44 × 44 px.
    const small = (await controlBoxes(page)).boxes.filter((b) => b.w < 44 || b.h < 44).map((b) => `${b.name} ${Math.round(b.w)}×${Math.round(b.h)}`);
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await menu.getByRole('combobox', { name: 'Language' }).focus();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    // A view picked from the menu closes it: the view is then under the header.
    await menuButton.click();
    await menu.getByRole('tab', { name: 'Unrolled chain' }).click();
    await expect(menu).toBeHidden();
    // (The chain scrolls sideways in its own box: its top is on the screen.)
    const chain = page.getByRole('tabpanel', { name: 'Unrolled chain' }).getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true });
    await expect(chain).toBeVisible();
    expect((await chain.boundingBox())!.y).toBeLessThan(844);
    await menuButton.click();
    await menu.getByRole('tab', { name: 'Cell diagram' }).click();

    // A swipe towards the right goes back a step, towards the left forward; the figure's numbers
    // are then the engine's at that step. A mostly vertical move is the page's scroll.
    const steps = runTrace(WELCOME.model, WELCOME.text).steps;
    const figure = page.locator('.cell-diagram');
    expect(await figure.evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-y');
    const hShown = () =>
      page
        .locator('svg.diagram g.strip[data-vector="h"] [data-unit]')
        .evaluateAll((els) => els.map((e) => ({ unit: Number(e.getAttribute('data-unit')), value: Number(e.getAttribute('data-value')) })));
    for (const [dx, dy, t] of [
      [120, 10, 2],
      [30, 150, 2],
      [-120, -10, 3],
      [-120, 0, 4],
    ] as const) {
      await swipe(figure, dx, dy);
      await expect(page.getByRole('group', { name: `LSTM cell at step t = ${t}` }), `after (${dx}, ${dy})`).toBeVisible();
      const shown = await hShown();
      expect(shown.length).toBeGreaterThan(0);
      for (const s of shown) expect(Math.abs(s.value - steps[t]!.h[s.unit]!), `h[${s.unit}] at t = ${t}`).toBeLessThan(1e-12);
    }
    await expect(page.getByRole('status').filter({ hasText: /^Step t = 4 of 4/ })).toHaveCount(1);
  });
});

for (const [w, h] of [
  [768, 1024],
  [1024, 768],
] as const)
  test.describe(`on a tablet (${w} × ${h}, touch)`, () => {
    test.use({ viewport: { width: w, height: h }, hasTouch: true });

    test('no two controls overlap and nothing scrolls sideways', async ({ page }) => {
      for (const q of ['./', './?lang=zh', './?lesson=4']) {
        await page.goto(q);
        await expect(page.locator('.prerender')).toHaveCount(0);
        await expect(page.locator('svg.diagram')).toBeVisible();
        const menuButton = page.getByRole('button', { name: /^(Controls|选项)/ });
        // One column: the menu's controls count too.
        if (w < 1024) await menuButton.click();
        // The step bar is held at the screen's bottom while the figure runs on under it, and passes
        // over the page as it scrolls (it has its own room in the flow): the layout is checked with
        // the page scrolled to its end, every control in its own place.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        expect((await controlBoxes(page)).overlaps, q).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), q).toBeLessThanOrEqual(w);
      }
    });
  });
