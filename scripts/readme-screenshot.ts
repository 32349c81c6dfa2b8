/**
 * docs/screenshot.png, the README's picture: the first screen a bare address opens (the trained
 * sentiment LSTM on "the movie was not good" at "not") on a 1280 × 720 classroom projector, in
 * English and the light theme. Run it again whenever the first screen changes:
 *
 *   npx tsx scripts/readme-screenshot.ts
 */
import { withBuiltSite } from './built-site';
import { cliArgs } from './cli';

cliArgs({
  script: 'readme-screenshot.ts',
  usage: `
usage: npx tsx scripts/readme-screenshot.ts
Writes docs/screenshot.png, the README's picture of the first screen.`,
});

const OUT = 'docs/screenshot.png';

await withBuiltSite(async ({ base, browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US', colorScheme: 'light', reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base);
  // The opening model is loaded and drawn: its prediction is on screen.
  await page.getByTestId('prediction').waitFor();
  await page.getByRole('group', { name: /cell at step t = 3$/ }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: OUT });
  await context.close();
  console.log(`wrote ${OUT}`);
});
