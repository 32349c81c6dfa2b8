import { expect, test } from '@playwright/test';

type DeckWindow = Window & { __deck?: { getIndices: () => { h: number } } };
const slideIndex = (page: import('@playwright/test').Page) => page.evaluate(() => (window as DeckWindow).__deck?.getIndices().h ?? -1);

test('a presenter steps through an embedded sentence and on to the next slide with →', async ({ page }) => {
  await page.goto('./examples/reveal-iframe/index.html');
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
  await expect(
    page
      .frameLocator('[data-testid="frame-gru"]')
      .getByRole('status')
      .filter({ hasText: /^Step t/ }),
  ).toHaveText(/^Step t = 0 of 9/);
});

test('← at the first step goes back a slide', async ({ page }) => {
  await page.goto('./examples/reveal-iframe/index.html#/2');
  await expect.poll(() => slideIndex(page)).toBe(2);
  const status = page.frameLocator('[data-testid="frame-unrolled"]').getByRole('status');
  await status.click();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slideIndex(page)).toBe(1);
});

test('in a translate slide → steps across the encoder and the decoder, then on to the next slide; ← at the first step goes back', async ({ page }) => {
  await page.goto('./examples/reveal-iframe/index.html#/4');
  await expect.poll(() => slideIndex(page)).toBe(4);
  const frame = page.frameLocator('[data-testid="frame-translate"]');
  const where = frame.getByTestId('translate-where');
  await expect(where).toHaveText('encoder step 1 of 5: reads “she”');
  // The slide is the figure: no explanations or presets in it.
  await expect(frame.getByRole('group', { name: 'Sentences to translate' })).toHaveCount(0);
  // Click into the frame on the translation line (the step's text is in the slider's label).
  const output = frame.getByTestId('translation-output');
  await output.click();
  const steps = Number(await frame.getByRole('slider', { name: 'Translation step' }).getAttribute('max')) + 1;
  for (let k = 2; k <= 5; k++) {
    await page.keyboard.press('ArrowRight');
    await expect(where).toHaveText(new RegExp(`^encoder step ${k} of 5`));
  }
  await page.keyboard.press('ArrowRight');
  await expect(where).toHaveText(/^decoder step 1 of \d+: reads “<s>”/);
  await expect(frame.getByRole('group', { name: 'Decoder (writes Chinese): LSTM cell at step t = 0' })).toBeAttached();
  await page.keyboard.press('End');
  await expect(where).toHaveText(new RegExp(`^decoder step ${steps - 5} of ${steps - 5}: .*writes “</s>”`));
  expect(await slideIndex(page)).toBe(4);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slideIndex(page)).toBe(5);
  await page.keyboard.press('ArrowLeft'); // the deck's key: back to the translate slide
  await expect.poll(() => slideIndex(page)).toBe(4);
  await output.click();
  await page.keyboard.press('Home');
  await expect(where).toHaveText('encoder step 1 of 5: reads “she”');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => slideIndex(page)).toBe(3);
});
