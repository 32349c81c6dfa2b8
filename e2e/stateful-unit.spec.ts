import { expect, test } from '@playwright/test';
import { runTrace } from './helpers';
import { parseShown } from '../src/viz/vectors';

// The Austen LSTM trained statefully (charlm-lstm-stateful): picked with its toggle, the painted
// text opens on its quotation unit, and every character's value on screen is the engine's.
test('the stateful model’s quotation unit is painted on a typed quotation, each value as npm run trace computes it', async ({ page }) => {
  const text = 'she said, "i do not know, but he will come." then she left.';
  await page.goto(`./?model=charlm-lstm&view=heatmap&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('charlm-lstm');
  await page.getByRole('checkbox', { name: 'Trained statefully, hidden 128 (LSTM)' }).check();
  await expect(page.locator('.model-info code')).toHaveText('charlm-lstm-stateful');
  const painted = page.getByRole('region', { name: 'Painted text' });
  const measured = painted.getByRole('group', { name: 'Units found by measurement on held-out text' }).getByRole('button');
  // The quotation unit comes first and is the one painted, whatever its r.
  const first = measured.first();
  await expect(first).toContainText('inside quotes');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const [, k, sym] = /^unit (\d+) of (h|C):/.exec((await first.textContent())!)!;
  const chars = painted.getByRole('list', { name: new RegExp(`^The text painted by unit ${k} of ${sym === 'C' ? 'C_t' : 'h_t'}`) }).getByRole('listitem');
  await expect(chars).toHaveCount(Array.from(text).length);
  const trace = runTrace('charlm-lstm-stateful', text) as ReturnType<typeof runTrace> & { steps: Array<Record<string, number[]>> };
  for (let t = 0; t < Array.from(text).length; t++) {
    const label = (await chars.nth(t).getAttribute('aria-label'))!;
    const v = parseShown(label.slice(label.lastIndexOf(',') + 1));
    expect(Math.abs(v - trace.steps[t]![sym === 'C' ? 'c' : 'h']![Number(k) - 1]!), label).toBeLessThanOrEqual(5e-4);
  }
  await painted.screenshot({ path: 'test-results/shots/stateful-quote-unit.png' });
  await page.screenshot({ path: 'test-results/shots/stateful-quote-unit-page.png' });
});
