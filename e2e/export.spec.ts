import { expect, test, type Page } from '@playwright/test';
import { formatValue } from '../src/viz/vectors';
import { engineTrace, exportButton } from './helpers';

const CLOUDS = 'the clouds are in the sky';

async function download(page: Page, button: 'Figure as SVG' | 'Figure as PNG'): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, button)).click()]);
  const parts: Buffer[] = [];
  for await (const chunk of await d.createReadStream()) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

const pngWidth = (png: Buffer) => {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return png.readUInt32BE(16);
};

test('the unrolled view exports both chains, titled, with this sentence’s numbers', async ({ page }) => {
  await page.goto(`./?view=unrolled&t=3&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true })).toBeVisible();
  const svg = (await download(page, 'Figure as SVG')).toString('utf8');
  expect(svg).toContain('>RNN unrolled over the sentence<');
  expect(svg).toContain('>LSTM unrolled over the sentence<');
  expect(svg).not.toContain('var(--');
  for (const x of engineTrace('lstm', CLOUDS)[3]!.h) expect(svg).toContain(`>${formatValue(x)}<`);
  for (const x of engineTrace('rnn', CLOUDS)[2]!.h) expect(svg).toContain(`>${formatValue(x)}<`);
  expect(pngWidth(await download(page, 'Figure as PNG'))).toBe(1920);
});

test('the heatmaps export every vector with its name, as SVG cells or, when large, as images', async ({ page }) => {
  await page.goto(`./?view=heatmap&cell=gru&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('region', { name: 'Heatmaps of the whole sentence' })).toHaveAttribute('data-mode', 'svg');
  let svg = (await download(page, 'Figure as SVG')).toString('utf8');
  for (const name of ['hidden state h_t', 'update gate z_t', 'reset gate r_t', 'candidate n_t']) expect(svg).toContain(`>${name}<`);
  for (const x of (engineTrace('gru', CLOUDS)[4] as { z: Float64Array }).z) expect(svg).toContain(`>${formatValue(x)}<`);

  const words = Array.from({ length: 200 }, (_, k) => `w${k}`).join(' ');
  await page.goto(`./?view=heatmap&text=${encodeURIComponent(words)}`);
  await expect(page.getByRole('region', { name: 'Heatmaps of the whole sentence' })).toHaveAttribute('data-mode', 'canvas');
  svg = (await download(page, 'Figure as SVG')).toString('utf8');
  expect(svg).toContain('>forget gate f_t<');
  expect(svg.match(/<image [^>]*href="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(5);
  // The bitmaps do not taint the canvas the PNG is drawn on.
  expect(pngWidth(await download(page, 'Figure as PNG'))).toBe(1920);
});

test('the gradient view exports both charts with their titles', async ({ page }) => {
  await page.goto('./?view=gradient&text=I%20grew%20up%20in%20France');
  await expect(page.getByRole('img', { name: /LSTM: influence on the last step/ })).toBeVisible();
  const svg = (await download(page, 'Figure as SVG')).toString('utf8');
  expect(svg).toContain('>RNN: influence on the last step<');
  expect(svg).toContain('>LSTM: influence on the last step<');
  expect(svg).not.toContain('var(--');
});

test('the translate view exports the chain with its characters and the step’s cell diagram', async ({ page }) => {
  await page.goto(`./?view=translate&cell=lstm&tstep=5&text=${encodeURIComponent('she went to tokyo yesterday')}`);
  await expect(page.getByRole('group', { name: 'Decoder (writes Chinese): LSTM cell at step t = 0' })).toBeVisible();
  const output = (await page.getByTestId('translation-output').textContent())!;
  const svg = (await download(page, 'Figure as SVG')).toString('utf8');
  expect(svg).toContain('>The encoder chain, the hand-over of the context, and the decoder chain<');
  expect(svg).toContain('>Decoder (writes Chinese): LSTM cell at step t = 0<');
  for (const ch of output) expect(svg).toContain(`>${ch}<`);
  expect(svg).toContain('>yesterday<');
  expect(svg).not.toContain('var(--');
  expect(pngWidth(await download(page, 'Figure as PNG'))).toBe(1920);
});
