import { expect, test, type BrowserContext } from '@playwright/test';

/** Refuses every script of the app but the boot script: the page as it is before the app has arrived. */
async function appScriptsRefused(context: BrowserContext) {
  await context.route(/\/assets\/[^/?#]+\.js/, (r) => (/\/assets\/boot-[^/]+\.js/.test(r.request().url()) ? r.continue() : r.abort()));
}

const diagramText = (root: string) => `${root} figure.cell-diagram svg.diagram`;

/**
 * The bare address's first screen, drawn at build time (src/prerender/): what a reader sees before
 * the app's scripts have arrived, and who is never shown it.
 */
for (const [w, h] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`at ${w}×${h}, before any of the app’s scripts, the first screen shows the welcome figure, with the numbers the live app then draws`, async ({ browser }) => {
    const early = await browser.newContext({ serviceWorkers: 'block', viewport: { width: w, height: h } });
    await appScriptsRefused(early);
    const page = await early.newPage();
    await page.goto('./');
    // Drawn twice, for two columns and for one; the stylesheet shows the one that fits.
    const figure = page.locator(diagramText('.prerender')).filter({ visible: true });
    await expect(figure).toHaveCount(1);
    const top = (await figure.boundingBox())!.y;
    // A picture of the page, not the page: nothing in it can be focused or reached by role.
    await expect(page.getByRole('button', { name: 'Step forward' })).toHaveCount(0);
    const drawnEarly = await figure.textContent();
    await early.close();

    const live = await browser.newPage({ viewport: { width: w, height: h } });
    await live.goto('./');
    await expect(live.getByRole('status').filter({ hasText: /^Step t = 3 of 4/ })).toBeVisible();
    await expect(live.locator('.prerender')).toHaveCount(0);
    const drawnLive = live.locator(diagramText(''));
    expect(drawnEarly).toMatch(/\d\.\d{3}/);
    expect(drawnEarly).toBe(await drawnLive.textContent());
    // Where the live page puts it: replacing one with the other moves nothing.
    expect((await drawnLive.boundingBox())!.y).toBeCloseTo(top, 0);
    // And the live page is the app: a step moves it on.
    await live.getByRole('button', { name: 'Step forward' }).click();
    await expect(live.getByRole('status').filter({ hasText: /^Step t = 4 of 4/ })).toBeVisible();
    await live.close();
  });
}

for (const [who, options, path] of [
  ['a link with parameters', {}, './?text=hello%20there'],
  ['a Chinese reader', { locale: 'zh-CN' }, './'],
  ['a reader whose system is dark', { colorScheme: 'dark' as const }, './'],
] as const) {
  test(`${who} is never shown the English welcome figure drawn in advance`, async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block', ...options });
    await appScriptsRefused(context);
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('.prerender')).toBeHidden();
    await context.close();
  });
}

test('a lesson link starts downloading the lesson’s code before the app asks for it; a bare link does not', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // With the app refused, only the boot script can have asked for the lesson's chunk.
  await appScriptsRefused(context);
  const page = await context.newPage();
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto('./?lesson=4');
  const preloads = page.locator('head link[rel="modulepreload"][href*="/Lesson-"], head link[rel="modulepreload"][href*="./assets/Lesson-"]');
  await expect(preloads).toHaveCount(1);
  await expect.poll(() => asked.some((u) => /\/assets\/Lesson-[^/]+\.js$/.test(u))).toBe(true);
  await expect(page.locator('head link[rel="preload"][as="style"][href*="Lesson-"]')).toHaveCount(1);

  const bare = await context.newPage();
  await bare.goto('./');
  await expect(bare.locator('head link[href*="Lesson-"]')).toHaveCount(0);
  await context.close();

  // With the app allowed, the chapter opens as before, its text and then its figure.
  const live = await browser.newPage();
  await live.goto('./?lesson=4');
  await expect(live.getByRole('heading', { name: 'The forget gate' })).toBeVisible();
  await expect(live.getByRole('button', { name: 'Step forward' }).first()).toBeVisible();
  await live.close();
});
