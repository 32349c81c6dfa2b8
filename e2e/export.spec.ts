import { expect, test, type Page } from '@playwright/test';
import { readPdfStructure } from '../src/testing/pdfStructure';
import { formatValue } from '../src/viz/vectors';
import { engineTrace, exportButton } from './helpers';

const CLOUDS = 'the clouds are in the sky';

async function download(page: Page, button: string, menu = 'Export'): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), (await exportButton(page, button, menu)).click()]);
  const parts: Buffer[] = [];
  for await (const chunk of await d.createReadStream()) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts);
}

const pngSize = (png: Buffer) => {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};
/** The size an exported SVG declares (its CSS size). */
const svgSize = (svg: string) => {
  const root = /^<svg [^>]*>/.exec(svg)![0];
  return { width: Number(/ width="([\d.]+)"/.exec(root)![1]), height: Number(/ height="([\d.]+)"/.exec(root)![1]) };
};
/** The PNG of an export is the figure at 2 device pixels per CSS pixel (for print). */
const twice = (s: { width: number; height: number }) => ({ width: Math.round(2 * s.width), height: Math.round(2 * s.height) });

/** The share of an image's pixels that are not near-white, decoded by the browser (a JPEG or a PNG). */
async function inkOf(page: Page, bytes: Uint8Array, type: string): Promise<number> {
  return page.evaluate(
    async ({ b64, type }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bin], { type }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      let ink = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k]! < 200 || d[k + 1]! < 200 || d[k + 2]! < 200) ink++;
      return ink / (d.length / 4);
    },
    { b64: Buffer.from(bytes).toString('base64'), type },
  );
}

test('the unrolled view exports both chains, titled, with this sentence’s numbers', async ({ page }) => {
  await page.goto(`./?view=unrolled&t=3&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('group', { name: 'LSTM unrolled over the sentence', exact: true })).toBeVisible();
  const svg = (await download(page, 'Figure as SVG')).toString('utf8');
  expect(svg).toContain('>RNN unrolled over the sentence<');
  expect(svg).toContain('>LSTM unrolled over the sentence<');
  expect(svg).not.toContain('var(--');
  for (const x of engineTrace('lstm', CLOUDS)[3]!.h) expect(svg).toContain(`>${formatValue(x)}<`);
  for (const x of engineTrace('rnn', CLOUDS)[2]!.h) expect(svg).toContain(`>${formatValue(x)}<`);
  expect(pngSize(await download(page, 'Figure as PNG'))).toEqual(twice(svgSize(svg)));
});

test('the cell view’s handouts: SVG, a PNG at 2× its size, and a one-page A4 PDF with a drawn page', async ({ page }) => {
  await page.goto(`./?t=3&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('group', { name: 'LSTM cell at step t = 3', exact: true })).toBeVisible();
  const svg = (await download(page, 'Figure as SVG')).toString('utf8');
  for (const x of engineTrace('lstm', CLOUDS)[3]!.h) expect(svg).toContain(`>${formatValue(x)}<`);
  const png = await download(page, 'Figure as PNG');
  expect(pngSize(png)).toEqual(twice(svgSize(svg)));
  const pdf = await download(page, 'Handout as PDF');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Read back strictly: every cross-reference offset lands on its object; one A4 landscape page.
  const s = readPdfStructure(new Uint8Array(pdf));
  expect(s.pages).toBe(1);
  expect(s.mediaBox).toEqual([0, 0, 842, 595]);
  expect(s.image?.filter).toBe('DCTDecode');
  expect([s.image?.width, s.image?.height]).toEqual([2339, 1653]);
  expect(pdf.toString('latin1')).toContain('/Title <FEFF');
  // The page is drawn (text, figure), not blank paper; the figure's own PNG is far from blank too.
  const ink = await inkOf(page, s.image!.data, 'image/jpeg');
  expect(ink).toBeGreaterThan(0.03);
  expect(await inkOf(page, new Uint8Array(png), 'image/png')).toBeGreaterThan(0.05);
});

test('copy as image puts the 2× PNG on the clipboard, in Chinese too; a refused or impossible copy says so', async ({ page, context }) => {
  await page.goto(`./?lang=zh&t=1&text=${encodeURIComponent(CLOUDS)}`);
  await expect(page.getByRole('group', { name: '第 t = 1 步的 LSTM 单元', exact: true })).toBeVisible();
  const svg = (await download(page, '导出图（SVG）', '导出')).toString('utf8');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await (await exportButton(page, '把图复制为图片', '导出')).click();
  await expect(page.getByRole('status').filter({ hasText: '图已作为图片' })).toHaveText('图已作为图片（PNG，2 倍）复制到剪贴板。');
  const got = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item!.getType('image/png');
    const bmp = await createImageBitmap(blob);
    return { types: item!.types, width: bmp.width, height: bmp.height };
  });
  expect(got.types).toContain('image/png');
  expect({ width: got.width, height: got.height }).toEqual(twice(svgSize(svg)));
  // A refused write (Chromium grants one on a click; other browsers and policies refuse) is said, with why and what to do.
  await page.evaluate(() => {
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await (await exportButton(page, '把图复制为图片', '导出')).click();
  await expect(page.getByRole('alert')).toHaveText('浏览器拒绝复制图片（Write permission denied.），请改为下载 PNG。');
  // A browser without image clipboard (no ClipboardItem: an insecure page, an older browser) says so too.
  await page.evaluate(() => Object.defineProperty(window, 'ClipboardItem', { value: undefined }));
  await (await exportButton(page, '把图复制为图片', '导出')).click();
  await expect(page.getByRole('alert')).toContainText('此处浏览器无法把图片放进剪贴板');
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
  expect(pngSize(await download(page, 'Figure as PNG'))).toEqual(twice(svgSize(svg)));
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
  expect(pngSize(await download(page, 'Figure as PNG'))).toEqual(twice(svgSize(svg)));
});
