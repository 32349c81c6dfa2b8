import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exportButton, hostPage, received } from './helpers';

test('a same-origin host drives the frame and hears its events, text included', async ({ page, baseURL }) => {
  await page.route('**/host-test.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage('./index.html?embed=1&text=a%20b%20c%20d') }));
  await page.goto('./host-test.html');
  const frame = page.frameLocator('#g');
  await expect(frame.getByRole('status')).toHaveText('Step t = 0 of 3: token “a”');
  await expect.poll(async () => (await received(page)).some((m) => m.data.event === 'ready')).toBe(true);
  const ready = (await received(page)).find((m) => m.data.event === 'ready')!;
  expect(ready.data).toMatchObject({ event: 'ready', t: 0, steps: 4, cell: 'lstm', text: 'a b c d' });
  expect(ready.origin).toBe(new URL(baseURL!).origin);

  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ gatescope: 1, command: 'goTo', t: 2 }));
  await expect(frame.getByRole('status')).toHaveText('Step t = 2 of 3: token “c”');
  await expect.poll(async () => (await received(page)).some((m) => m.data.event === 'step' && m.data.t === 2 && m.data.token === 'c')).toBe(true);

  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ gatescope: 1, command: 'setCell', cell: 'gru' }));
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ gatescope: 1, command: 'setText', text: 'x y' }));
  await expect(frame.getByRole('status')).toHaveText('Step t = 0 of 1: token “x”');
  // Garbage is ignored without a sound.
  await page.evaluate(() => (window as unknown as { send: (m: unknown) => void }).send({ gatescope: 1, command: 'goTo', t: 'all' }));
  await expect(frame.getByRole('status')).toHaveText('Step t = 0 of 1: token “x”');
});

test('the build works from any sub-path (relative base)', async ({ page }) => {
  // Serve dist/ under /course/week3/gatescope/ as a course site would, straight from disk.
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
  await page.route('**/course/week3/gatescope/**', (r) => {
    const path = new URL(r.request().url()).pathname.replace('/course/week3/gatescope/', '') || 'index.html';
    try {
      r.fulfill({ contentType: types[extname(path)] ?? 'application/octet-stream', body: readFileSync(join('dist', path)) });
    } catch {
      r.fulfill({ status: 404, body: 'not found' });
    }
  });
  const failed: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(res.url());
  });
  await page.goto('./course/week3/gatescope/index.html?text=a%20b&view=heatmap&model=sentiment-gru');
  await expect(page.getByRole('status').filter({ hasText: /^Step t/ })).toHaveText('Step t = 0 of 1: token “a”');
  await expect(page.getByText('sentiment-gru')).toBeVisible();
  await expect(page.locator('.hm-panel').first()).toBeVisible();
  expect(failed).toEqual([]);
});

test('the trace downloads as CSV with the engine numbers', async ({ page }) => {
  await page.goto('./?text=a%20b&cell=rnn');
  const [download] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, 'Trace as CSV')).click()]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('t,token,vector,unit,value');
  expect(csv.filter((l) => l.startsWith('1,b,h,'))).toHaveLength(6);
});

test('the frame tells its host the height that shows the view whole at the frame’s width', async ({ page }) => {
  await page.route('**/host-test.html', (r) => r.fulfill({ contentType: 'text/html', body: hostPage('./index.html?embed=1&text=a%20b%20c%20d') }));
  await page.goto('./host-test.html');
  const frame = page.frameLocator('#g');
  await expect(frame.getByRole('group', { name: 'LSTM cell at step t = 0' })).toBeVisible();
  const heights = async () => (await received(page)).filter((m) => m.data.event === 'height').map((m) => m.data.height as number);
  await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
  const at960 = (await heights()).at(-1)!;
  // The figure's natural height at this width, measured in the frame: width × its aspect ratio.
  const natural = await frame.locator('svg.diagram').evaluate((svg: SVGSVGElement) => {
    const panel = document.getElementById('view-panel')!;
    const app = document.querySelector('.app')!;
    const vb = svg.viewBox.baseVal;
    return app.getBoundingClientRect().height - panel.clientHeight + (panel.clientWidth * vb.height) / vb.width;
  });
  expect(Math.abs(at960 - natural)).toBeLessThanOrEqual(1);
  // Not the frame's own height: squeezing the frame does not change what it asks for...
  await page.locator('#g').evaluate((f: HTMLIFrameElement) => (f.height = '470')); // above 450 px, where small frames drop the slider
  // Wait for the resize to reach the frame and for what it would post (a ResizeObserver runs
  // before the next paint; the message is a task after it), rather than for a fixed time.
  const inner = page.frames().find((f) => f.url().includes('embed=1'))!;
  await expect.poll(() => inner.evaluate(() => window.innerHeight)).toBe(470);
  await inner.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
  await page.evaluate(() => new Promise<void>((r) => setTimeout(r, 0)));
  expect(Math.abs((await heights()).at(-1)! - at960)).toBeLessThanOrEqual(2);
  // ...a narrower frame asks for less, since the figure keeps its aspect ratio.
  await page.locator('#g').evaluate((f: HTMLIFrameElement) => (f.width = '480'));
  await expect.poll(async () => (await heights()).at(-1)!).toBeLessThan(at960 - 100);
});
