import { VIEWS } from '../src/store/urlParams';
import { expect, test } from '@playwright/test';
import { axeViolations } from './helpers';

test('runs under a strict CSP and never asks another origin for anything', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(r.url());
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('./?text=the%20clouds%20are%20in%20the%20sky');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  for (const tab of ['Cell diagram', 'Unrolled chain', 'Heatmaps', 'Gradient flow']) {
    await page.getByRole('tab', { name: tab }).click();
  }
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'Step forward' }).isVisible();
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});

test('user text is rendered as text, never as markup', async ({ page }) => {
  await page.goto(`./?text=${encodeURIComponent('<img src=x onerror="window.__pwned=1"> <b>bold</b>')}`);
  await expect(page.getByRole('list', { name: 'Tokens' })).toContainText('<');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

// Both themes and both languages, in two runs (each reads every view once).
for (const [theme, lang] of [
  ['light', 'en'],
  ['dark', 'zh'],
] as const) {
  test(`no axe violations (WCAG 2.2 AA), ${theme}, ${lang}`, async ({ page }) => {
    test.setTimeout(120_000); // axe reads the whole page once per view
    await page.goto(`./?theme=${theme}&lang=${lang}&text=I%20grew%20up%20in%20France&t=2`);
    const tabs = page.getByRole('tab');
    const n = await tabs.count();
    for (let k = 0; k < n; k++) {
      await tabs.nth(k).click();
      expect(await axeViolations(page), `view ${k}`).toEqual([]);
    }
  });
}

test('no axe violations in embed mode', async ({ page }) => {
  await page.goto('./?embed=1&text=a%20b%20c');
  expect(await axeViolations(page)).toEqual([]);
});

test('no axe violations at 200 tokens: the condensed chain, the canvas heatmaps, a trained model', async ({ page }) => {
  test.setTimeout(120_000);
  const words = Array.from({ length: 200 }, (_, k) => `w${k}`).join(' ');
  for (const q of [`view=unrolled&t=150&text=${encodeURIComponent(words)}`, `view=heatmap&theme=dark&text=${encodeURIComponent(words)}`, 'model=memory-gru&view=cell&lang=zh']) {
    await page.goto(`./?${q}`);
    await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
    if (q.startsWith('model=')) await expect(page.locator('.model-info code')).toHaveText('memory-gru');
    expect(await axeViolations(page), q).toEqual([]);
  }
});

test('a 4,000-character word is shortened in the token strip, and the page is never wider than the window', async ({ page }) => {
  const word = 'a'.repeat(4000);
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Sentence' }).fill(`the ${word} end`);
  const strip = page.getByRole('list', { name: 'Tokens' });
  await expect(strip.getByRole('button')).toHaveCount(3);
  // The full word is still the button's accessible name.
  await expect(strip.getByRole('button', { name: `1 ${word}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const box = await strip.getByRole('button').nth(1).boundingBox();
  expect(box!.width).toBeLessThan(400);
});

// Pasted blobs: one 5,000-character token, and 5,000 characters of words, in every view and in
// the lesson, on a laptop and on a phone: the page is never wider than the window.
const BLOB = 'a'.repeat(5000);
const WORDS = Array.from({ length: 1000 }, (_, k) => ['the', 'movie', 'was', 'not', 'good'][k % 5])
  .join(' ')
  .slice(0, 5000);
for (const [w, h] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`at ${w} × ${h}, a 5,000-character token or sentence keeps every view and the lesson within the window`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: w, height: h });
    // (The Train view has no sentence: the lab trains on its own task's data.)
    for (const q of [...VIEWS.filter((v) => v !== 'train').map((v) => `view=${v}`), 'model=charlm-lstm&view=heatmap', 'lesson=3']) {
      for (const [name, text] of [
        ['token', BLOB],
        ['sentence', WORDS],
      ] as const) {
        await page.goto(`./?${q}`);
        // A chapter puts its own sentence and step once its model has landed (chapter 3: “was”).
        // (Its question shows once the lesson's own code has put the chapter on the page.)
        if (q.startsWith('lesson')) {
          await expect(page.getByRole('status').filter({ hasText: /^Step t = 2 of 4: token “was”$/ })).toHaveCount(1);
          await expect(page.getByRole('radiogroup').first()).toBeVisible();
        }
        const box = page.getByRole('textbox', { name: 'Sentence' });
        // Typed until the store has it (the address bar follows it, in the fragment at this
        // length): a box typed into just as the page swaps its first layout can be replaced.
        await expect(async () => {
          await box.fill(text);
          await expect(box).toHaveValue(text, { timeout: 1000 });
          await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 2000 }).toMatch(/^#gs=/);
        }).toPass({ timeout: 30_000 });
        // … and the view has drawn it: the step's status names the first token, at most 40
        // characters of it; the translate view's names the decoder's last step.
        const status = q === 'view=translate' ? /^decoder step \d+ of \d+/ : /^Step t = 0 of \d+: token “.{1,40}”( \(.*\))?$/;
        await expect(page.getByRole('status').filter({ hasText: status })).toHaveCount(1);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${q}, ${name}`).toBeLessThanOrEqual(w);
      }
    }
  });
}

test('each bad link value gets a notice about its own parameter, saying what it allows', async ({ page }) => {
  await page.goto('./?speed=7&fillers=abc&bias=99&t=x');
  const notice = page.getByRole('alert').filter({ hasText: 'Some link settings were ignored' });
  await expect(notice).toContainText('“speed=7” is not a value speed allows (0.5, 1, 2, 4, 8, 16), so the default is used.');
  await expect(notice).toContainText('“fillers=abc” is not a number, so the default is used.');
  await expect(notice).toContainText('“bias=99” is not a value bias allows (-4…8, in steps of 0.5), so the default is used.');
  await expect(notice).toContainText('“t=x” is not a step number, so step 0 is shown.');
  await expect(notice).not.toContainText('past the end of the sentence');
});

test('the production build has no debug handle, even with ?debug=1', async ({ page }) => {
  await page.goto('./?debug=1');
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toBeVisible();
  expect(await page.evaluate(() => '__gatescope' in window)).toBe(false);
});
