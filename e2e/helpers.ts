import { expect, type Locator, type Page } from '@playwright/test';
import { embedToken, run, type CellKind, type StepTrace } from '../src/engine';
import { demoModel } from '../src/models/demo';
import { tokenize } from '../src/text/tokenize';
import { traceVectors } from '../src/viz/vectors';

/** The engine's own numbers for a sentence, computed in the test, independently of the page. */
export function engineTrace(kind: CellKind, text: string): StepTrace[] {
  const m = demoModel(kind);
  const xs = tokenize(text).tokens.map((tok) => embedToken(m.embedding, tok).x);
  return run(m.cell, xs).traces;
}

/** Reads the values table off the page: vector id -> numbers as displayed. */
export async function readTable(page: Page): Promise<Record<string, { shown: string[]; exact: number[] }>> {
  const rows = page.getByRole('table').locator('tbody tr');
  const out: Record<string, { shown: string[]; exact: number[] }> = {};
  const n = await rows.count();
  for (let r = 0; r < n; r++) {
    const row = rows.nth(r);
    const id = (await row.getAttribute('data-vector'))!;
    const cells = row.locator('td[data-value]');
    out[id] = {
      shown: await cells.locator('.num').allTextContents(),
      exact: (await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).map(Number),
    };
  }
  return out;
}

/** Asserts the table shows exactly the engine's vectors for this step, rounded as shown. */
export async function expectTableMatches(page: Page, trace: StepTrace, t: number) {
  await expect(page.getByRole('table', { name: `Values at step t = ${t}` })).toBeVisible();
  const table = await readTable(page);
  const expected = traceVectors(trace);
  expect(Object.keys(table)).toEqual(expected.map((v) => v.id));
  for (const v of expected) {
    const got = table[v.id]!;
    expect(got.exact.length, v.id).toBe(v.values.length);
    v.values.forEach((x, k) => {
      expect(Math.abs(got.exact[k]! - x), `${v.id}[${k}]`).toBeLessThan(1e-12);
      expect(Math.abs(Number(got.shown[k]!.replace('−', '-')) - x), `${v.id}[${k}] shown`).toBeLessThanOrEqual(0.0005 + 1e-12);
    });
  }
}

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, max = 25) {
  for (let k = 0; k < max; k++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** A host page that embeds Gatescope and records what it posts. */
export function hostPage(src: string): string {
  return `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<iframe id="g" title="Gatescope" src="${src}" width="960" height="540"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => { if (e.data && e.data.gatescope === 1) window.received.push({ origin: e.origin, data: e.data }); });
  window.send = (msg) => document.getElementById('g').contentWindow.postMessage(msg, '*');
</script></body></html>`;
}

export async function received(page: Page) {
  return page.evaluate(() => (window as unknown as { received: { origin: string; data: Record<string, unknown> }[] }).received);
}

