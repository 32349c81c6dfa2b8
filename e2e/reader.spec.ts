import { expect, test } from '@playwright/test';

/**
 * The reader's own language and theme: where a link names neither, a browser that prefers
 * Chinese opens the page in 中文 and a dark system opens it dark; a link's lang= and theme= win.
 */
test.describe('a browser that prefers Chinese, on a dark system', () => {
  test.use({ locale: 'zh-CN', colorScheme: 'dark' });

  test('a bare address opens the welcome in 中文 and dark, and its link keeps them', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
    await expect(page.getByRole('combobox', { name: '主题' })).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The welcome opens in the reader's language: the Chinese sentiment LSTM at 不 in 这部电影不好看.
    await expect(page.getByRole('radio', { name: '情感分析（中文）' })).toBeChecked();
    await expect(page.locator('.model-info code')).toHaveText('sentiment-zh-lstm');
    await expect(page.locator('.step-status')).toHaveText('第 t = 4 步（共 0…6）：词元“不”');
    // Drawn dark: the page's background is the dark theme's, not the light one's.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 28)');
    // A shared link opens what its sender saw, whatever the receiver's browser prefers.
    await page.getByRole('button', { name: '分享链接' }).click();
    const link = new URL(await page.getByRole('textbox', { name: '指向当前视图的链接' }).inputValue());
    expect([link.searchParams.get('lang'), link.searchParams.get('theme')]).toEqual(['zh', 'dark']);
    await page.screenshot({ path: 'test-results/shots/reader-zh-dark-1280.png' });
  });

  test('a link that names lang=en and theme=light opens English and light', async ({ page }) => {
    await page.goto('./?lang=en&theme=light&cell=gru');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  });
});

test('an English browser on a light system opens English and light, and its link names neither', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('radio', { name: 'Sentiment', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Share link' }).click();
  const box = page.getByRole('textbox', { name: 'Link to this view' });
  const link = new URL(await box.inputValue());
  expect([link.searchParams.get('lang'), link.searchParams.get('theme')]).toEqual([null, null]);
  // The link is shown whole, not cut through a line (it scrolls only past four rows).
  expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
});

test('a language and theme the reader picks are kept for the next visit; a link that only names them is not a choice', async ({ page }) => {
  // Opened by a link in 中文, nothing picked: the next bare visit is the browser's English again.
  await page.goto('./?lang=zh');
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
  await page.goto('./');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  // Picked: kept.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await page.getByRole('combobox', { name: '主题' }).selectOption('dark');
  await page.goto('./?cell=gru');
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh');
  await expect(page.getByRole('combobox', { name: '主题' })).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // A link's lang= still wins over the kept choice.
  await page.goto('./?lang=en&cell=gru');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});
