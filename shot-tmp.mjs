import { chromium } from '@playwright/test';
const [url, out, w = '1280', h = '720', full = '1'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
p.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
await p.goto(url);
await p.waitForTimeout(2500);
if (process.env.CLICK) { for (const c of process.env.CLICK.split('|')) { await p.getByRole('tab', { name: c }).or(p.getByText(c, { exact: true })).first().click(); await p.waitForTimeout(800); } }
if (process.env.SEL) await p.locator(process.env.SEL).first().screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: full === '1' });
await b.close();
