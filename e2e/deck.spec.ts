import { expect, test } from '@playwright/test';

type DeckWindow = Window & { __deck?: { getIndices: () => { h: number } } };
const slideIndex = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as DeckWindow).__deck?.getIndices().h ?? -1);

test('a presenter steps through an embedded sentence and on to the next slide with →', async ({ page }) => {
  await page.goto('./examples/reveal/index.html');
  await expect.poll(() => slideIndex(page)).toBe(0);
  await page.keyboard.press('ArrowRight'); // the deck's own key: to slide 1
  await expect.poll(() => slideIndex(page)).toBe(1);

  const frame = page.frameLocator('[data-testid="frame-cell"]');
  const status = frame.getByRole('status');
  await expect(status).toHaveText('Step t = 0 of 5: token “the”');
  // Click into the frame (on its status line, which does nothing) so it has the keyboard.
  await status.click();
  for (let t = 1; t <= 5; t++) {
    await page.keyboard.press('ArrowRight');
    await expect(status).toHaveText(new RegExp(`^Step t = ${t} of 5`));
  }
  expect(await slideIndex(page)).toBe(1); // still on the slide while the sentence went on
  // One more → past the last token: the frame hands the key to reveal.js, which moves on.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(2);
  // And the deck has the keyboard again.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(3);
  await expect(page.frameLocator('[data-testid="frame-gru"]').getByRole('status').filter({ hasText: /^Step t/ })).toHaveText(/^Step t = 0 of 9/);
});

test('← at the first step goes back a slide', async ({ page }) => {
  await page.goto('./examples/reveal/index.html#/2');
  await expect.poll(() => slideIndex(page)).toBe(2);
  const status = page.frameLocator('[data-testid="frame-unrolled"]').getByRole('status');
  await status.click();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slideIndex(page)).toBe(1);
});
