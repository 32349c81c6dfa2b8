import { expect, test } from '@playwright/test';
import { hostPage, received } from './helpers';
import { chromiumPath } from '../scripts/chromium-path.mjs';

// Both origins are on this machine (localhost vs 127.0.0.1); Chromium's local-network-access
// checks would block the frame for reasons unrelated to what is tested here, so they are off.
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks'],
  },
});

test('a host on another origin is not obeyed and learns only numbers', async ({ page, baseURL }) => {
  // localhost and 127.0.0.1 are different origins: the host lives on one, Gatescope on the other.
  const app = new URL(baseURL!);
  const other = `http://localhost:${app.port}`;
  await page.route(`${other}/host-test.html`, (r) => r.fulfill({ contentType: 'text/html', body: hostPage(`${app.origin}/index.html?embed=1&text=secret%20words%20here`) }));
  await page.goto(`${other}/host-test.html`);
  const frame = page.frameLocator('#g');
  await expect(frame.getByRole('status')).toHaveText('Step t = 0 of 2: token “secret”');
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ gatescope: 1, command: 'goTo', t: 2 }));
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await expect(frame.getByRole('status')).toHaveText('Step t = 1 of 2: token “words”'); // moved by the click, not by the host
  await expect.poll(async () => (await received(page)).some((m) => m.data.event === 'step')).toBe(true);
  const all = JSON.stringify(await received(page));
  expect(all).not.toContain('secret');
  expect(all).not.toContain('words');
});
