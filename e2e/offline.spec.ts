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
  await page.getByRole('radio', { name: 'Sentiment' }).click();
  await expect(page.getByText('sentiment-lstm')).toBeVisible();
  // The memory models' learnability chart reads a report, cached too.
  await page.getByRole('radio', { name: 'Long-range memory' }).click();
  await expect(page.getByTestId('learn-chart')).toBeVisible();

  // And the whole page again, with no network at all.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^Step t/ })).toHaveText(/^Step t = 0 of 4/);
  await context.setOffline(false);
});
