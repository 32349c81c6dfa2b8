/**
 * For the measuring scripts: the production build in a temporary folder, served by vite preview
 * on a free port, with Debian's Chromium; everything cleaned up afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumPath } from './chromium-path.mjs';

export async function withBuiltSite<T>(fn: (site: { base: string; out: string; browser: Browser }) => Promise<T>): Promise<T> {
  const out = mkdtempSync(join(tmpdir(), 'gatescope-site-'));
  await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' }, build: { outDir: out } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
  try {
    return await fn({ base: server.resolvedUrls!.local[0]!, out, browser });
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(out, { recursive: true, force: true });
  }
}
