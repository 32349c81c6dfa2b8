import { CELL_KINDS } from '../src/engine';
import { expect, type Page, test } from '@playwright/test';

// The strings speak a TeX-like mini-syntax ("h_{t−1}", "x_t"). Every place a student reads one
// must show a subscript, never the raw underscore and braces: in the text of every view and in
// a tooltip shows. KaTeX's MathML annotation keeps the TeX source on purpose (for copy and
// assistive tech), so it is left out. Accessible names (aria-label) keep the plain "f_t" form:
// a screen reader reads it as "f t" at its default punctuation level, and tests and embedders
// find figures by those names.
// A one-letter symbol ("h_t", "C̃_t") or a closing bracket or norm ("‖J‖_F") before the "_";
// not a word's underscore ("state_dict").
const RAW = /((^|[^A-Za-z])[A-Za-z]\u0303?|[)‖\]])_(\{|[A-Za-z0-9])/;

async function rawNotation(page: Page): Promise<string[]> {
  return page.evaluate((re) => {
    const raw = new RegExp(re);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, .katex-mathml')) continue;
      if (raw.test(n.textContent ?? '')) found.push(`text in <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">: ${n.textContent}`);
    }
    for (const el of Array.from(document.body.querySelectorAll('[title], [alt]'))) {
      if (el.closest('.katex-mathml')) continue;
      for (const a of ['title', 'alt']) {
        const v = el.getAttribute(a);
        if (v && raw.test(v)) found.push(`${a} of <${el.tagName.toLowerCase()}>: ${v}`);
      }
    }
    return found;
  }, RAW.source);
}

const VIEWS = ['Cell diagram', 'Unrolled chain', 'Heatmaps', 'Gradient flow', 'Train', 'Translate'] as const;
const KINDS = CELL_KINDS;

for (const kind of KINDS)
  test(`no raw notation on any view: ${kind}`, async ({ page }) => {
    await page.goto(`./?model=demo-${kind}&text=the%20cat%20sat&t=2`);
    await expect(page.getByRole('group', { name: /cell at step t = 2/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Demo (untrained)' })).toBeChecked();
    for (const view of VIEWS) {
      await page.getByRole('tab', { name: view }).click();
      await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel')).toBeVisible();
      // Opened as a reader would: every folded section, and the values table with every unit.
      await page.waitForTimeout(0);
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      });
      const raw = await rawNotation(page);
      if (process.env.NOTATION_LIST) for (const r of raw) console.log(`RAW ${kind} ${view} | ${r}`);
      else expect(raw, `${kind}, ${view}`).toEqual([]);
    }
  });

test('no raw notation in Chinese; the conventions line and the values table draw subscripts', async ({ page }) => {
  await page.goto('./?lang=zh&model=demo-peephole&text=the%20cat%20sat&t=2');
  await expect(page.getByRole('group', { name: /^第 t = 2 步的 .* 单元$/ })).toBeVisible();
  // "C_{t−1}" drawn as C with a subscript t−1, in the line that names the peephole convention.
  await expect(page.locator('.model-info .conventions sub').first()).toHaveText('t−1');
  await expect(page.locator('table.values tr[data-vector="cPrev"] th .sym')).toHaveText('Ct−1');
  await expect(page.locator('table.values tr[data-vector="cPrev"] th .sym sub')).toHaveText('t−1');
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
  await expect(page.getByRole('table', { name: /t = 2/ }).first()).toBeVisible();
  expect(await rawNotation(page)).toEqual([]);
});
