import { expect, test } from '@playwright/test';
import { engineTrace, expectTableMatches } from './helpers';

// Screenshots for people to look at (README, reviews), written to test-results/shots; each also
// checks what it shows: the values table is the engine's, and the page fits the window's width.
for (const theme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    test(`screenshot ${theme} ${w}x${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?text=I%20grew%20up%20in%20France&t=3&theme=${theme}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectTableMatches(page, engineTrace('lstm', 'I grew up in France')[3]!, 3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `test-results/shots/table-${theme}-${w}.png`, fullPage: true });
    });
  }
}
