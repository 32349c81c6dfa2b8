import { CELL_KINDS } from '../src/engine';
import { expect, test } from '@playwright/test';

// Screenshots of the cell diagram for people to look at (no pixel baselines: fonts differ
// between machines). Each also asserts the diagram is there, fits, and shows numbers.
const SENTENCE = encodeURIComponent('I grew up in France');
const KINDS = CELL_KINDS;

// Every kind at every width; the theme alternates (what is asserted depends on the width; the
// themes' colours and contrast are checked by colors.test.ts and by axe in robust.spec.ts).
const SHOTS = [
  ['light', 1280, 720],
  ['dark', 1280, 720],
  ['dark', 390, 844],
  ['light', 1920, 1080],
] as const;

for (const kind of KINDS)
  for (const [theme, w, h] of SHOTS)
    test(`diagram ${kind} ${theme} ${w}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?text=${SENTENCE}&t=3&cell=${kind}&theme=${theme}`);
      const svg = page.getByRole('group', { name: /cell at step t = 3/ });
      await expect(svg).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      // Open the panel on the first layer so the shot shows it too.
      await svg.locator('[data-node^="layer"]').first().click();
      await expect(page.getByTestId('equation-numbers')).toBeVisible();
      await expect(page.locator('.gate-panel .eq .katex-html').first()).toBeVisible();
      // Neither the page nor the figure scrolls sideways: on a phone the figure fits the width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(Math.min(w - 60, 700));
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      const scroll = page.locator('.diagram-scroll');
      expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      // Below 700 px the numbers leave the swatches (too small to read) and a tap shows them.
      const num = svg.locator('.swatch .num').first();
      if (w < 700) {
        await expect(num).toBeHidden();
        await expect(page.locator('.phone-hint')).toBeVisible();
      } else await expect(num).toBeVisible();
      expect(await svg.locator('.swatch').count()).toBeGreaterThan(20);
      await page.locator('.cell-diagram').screenshot({ path: `test-results/shots/diagram-${kind}-${theme}-${w}.png` });
    });
