import { expect, test } from '@playwright/test';

test('works offline once loaded: lazy views, models and a reload come from the cache', async ({ page, context }) => {
  await page.goto('./?text=the%20movie%20was%20not%20good');
  // Wait until the service worker controls the page and has cached the build.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await context.setOffline(true);

  // A view that was never opened (its code is a lazy chunk) and a model never loaded.
  await page.getByRole('tab', { name: 'Heatmaps' }).click();
  await expect(page.locator('.hm-panel').first()).toBeVisible();
  await page.getByRole('radio', { name: 'Sentiment', exact: true }).click();
  await expect(page.locator('.model-info code')).toHaveText('sentiment-lstm');
  // The memory models' learnability chart reads a report, cached too.
  await page.getByRole('radio', { name: 'Long-range memory' }).click();
  await expect(page.getByTestId('learn-chart')).toBeVisible();

  // And the whole page again, with no network at all.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^Step t/ })).toHaveText(/^Step t = 0 of 4/);
  await context.setOffline(false);
});

async function controlled(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

/** Overwrites the cached copy of the page's main script with garbage, as a damaged disk cache would. */
async function damageMainScript(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const src = document.querySelector<HTMLScriptElement>('script[type=module]')!.src;
    const key = new URL(src).pathname.replace(/^.*\/(assets\/)/, '$1');
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      if (await c.match(key)) await c.put(key, new Response('this is not javascript(', { headers: { 'content-type': 'text/javascript' } }));
    }
    return key;
  });
}

test('a damaged cached script is detected and fetched again', async ({ page }) => {
  await page.goto('./');
  await controlled(page);
  const key = await damageMainScript(page);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toBeVisible();
  // The cache holds the real file again.
  const text = await page.evaluate(async (k) => {
    for (const name of await caches.keys()) {
      const hit = await (await caches.open(name)).match(k);
      if (hit) return hit.text();
    }
    return '';
  }, key);
  expect(text.startsWith('this is not')).toBe(false);
  expect(text.length).toBeGreaterThan(1000);
});

test('offline with a damaged cache, the page says how to recover instead of staying blank', async ({ page, context }) => {
  await page.goto('./');
  await controlled(page);
  await damageMainScript(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('If this message stays, reload the page; if you are offline, connect to the internet once and reload')).toBeVisible();
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Cell diagram' })).toBeVisible();
  await expect(page.getByText('Gatescope is loading')).toHaveCount(0);
});
