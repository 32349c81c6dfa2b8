import { test } from '@playwright/test';

// Screenshots for people to look at (README, reviews). They are written to test-results/shots.
for (const theme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    test(`screenshot ${theme} ${w}x${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?text=I%20grew%20up%20in%20France&t=3&theme=${theme}`);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `test-results/shots/table-${theme}-${w}.png`, fullPage: true });
    });
  }
}
