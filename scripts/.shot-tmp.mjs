import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.mjs';
const [url, out, w, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: chromiumPath?.() ?? undefined });
const p = await b.newPage({ viewport: { width: Number(w ?? 1280), height: Number(h ?? 720) } });
await p.goto(url);
await p.waitForTimeout(2500);
await p.screenshot({ path: out });
await b.close();
