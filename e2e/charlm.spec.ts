import { expect, test, type Page } from '@playwright/test';
import { runTrace } from './helpers';
import { parseShown } from '../src/viz/vectors';

/** The three most likely next characters after each step, from `npm run trace`. */
function traceTop3(model: string, text: string): Array<Array<{ label: string; p: number }>> {
  const trace = runTrace(model, text) as ReturnType<typeof runTrace> & { labels: string[] };
  expect(trace.model).toBe(model);
  return trace.steps.map((s) =>
    s.prediction
      .map((p, k) => ({ label: trace.labels[k]!, p }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 3),
  );
}

async function goToStep(page: Page, t: number) {
  const slider = page.getByRole('slider', { name: 'Timestep' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let k = 0; k < t; k++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toContainText(`Step t = ${t} of`);
}

test('type a sentence, step: the top-3 next characters are npm run trace’s, a space shows as ␣', async ({ page }) => {
  await page.goto('./?model=charlm-lstm');
  await expect(page.locator('.model-info code')).toHaveText('charlm-lstm');
  const text = 'The weather was fine, said Emma.';
  await page.getByRole('textbox', { name: 'Sentence' }).fill(text);
  const top3 = traceTop3('charlm-lstm', text);
  expect(top3).toHaveLength(Array.from(text).length);
  const list = page.getByRole('list', { name: 'Top 3 next characters' }).getByRole('listitem');
  for (const t of [0, 3, 11, 20]) {
    await goToStep(page, t);
    await expect(list).toHaveCount(3);
    for (let r = 0; r < 3; r++) {
      await expect(list.nth(r)).toHaveAttribute('data-label', top3[t]![r]!.label);
      expect(Math.abs(Number(await list.nth(r).getAttribute('data-value')) - top3[t]![r]!.p)).toBeLessThan(1e-12);
    }
  }
  // Step 3 is the space after "The": drawn as ␣ in the strip and the status.
  const strip = page.getByRole('list', { name: 'Tokens' });
  await expect(strip.getByRole('button', { name: '3 ␣', exact: true })).toBeVisible();
  await goToStep(page, 3);
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toHaveText(`Step t = 3 of ${Array.from(text).length - 1}: token “␣”`);
  await expect(page.locator('.model-info')).toContainText('bits per character');
});

test('a link with t= opens a character model at that character (not clamped to the words)', async ({ page }) => {
  const text = 'It is a truth universally acknowledged';
  await page.goto(`./?model=charlm-gru&t=12&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('charlm-gru');
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toHaveText(`Step t = 12 of ${text.length - 1}: token “h”`);
  await expect(page.getByText('is past the end of the sentence')).toHaveCount(0);
});

test('the painted text: each character’s value is the chosen unit’s, as npm run trace computes it', async ({ page }) => {
  const text = '"No," said she. "It is so."';
  await page.goto(`./?model=charlm-peephole&view=heatmap&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('charlm-peephole');
  const trace = runTrace('charlm-peephole', text) as ReturnType<typeof runTrace> & { steps: Array<Record<string, number[]>> };
  const painted = page.getByRole('region', { name: 'Painted text' });
  const measured = painted.getByRole('group', { name: 'Units found by measurement on held-out text' }).getByRole('button');
  expect(await measured.count()).toBeGreaterThan(0);
  // Pick each measured unit in turn and read every character's value off its name.
  for (let m = 0; m < (await measured.count()); m++) {
    const b = measured.nth(m);
    await b.click();
    await expect(b).toHaveAttribute('aria-pressed', 'true');
    const [, k, sym] = /^unit (\d+) of (h|C):/.exec((await b.textContent())!)!;
    const chars = painted.getByRole('list', { name: new RegExp(`^The text painted by unit ${k} of ${sym === 'C' ? 'C_t' : 'h_t'}`) }).getByRole('listitem');
    await expect(chars).toHaveCount(Array.from(text).length);
    for (let t = 0; t < Array.from(text).length; t++) {
      const label = (await chars.nth(t).getAttribute('aria-label'))!;
      const v = parseShown(label.slice(label.lastIndexOf(',') + 1));
      expect(Math.abs(v - trace.steps[t]![sym === 'C' ? 'c' : 'h']![Number(k) - 1]!), `${label}`).toBeLessThanOrEqual(5e-4);
    }
  }
  // Keyboard: the text is one tab stop; arrows move along it, Enter goes to that step.
  const chars = painted.getByRole('listitem');
  await chars.first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(chars.nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Step t = / })).toContainText('Step t = 2 of');
});

test('Chinese poems: type 床前明月光 and read the next-character guesses, in Chinese', async ({ page }) => {
  const text = '床前明月光，';
  await page.goto(`./?model=charlm-zh-lstm&lang=zh&text=${encodeURIComponent(text)}`);
  await expect(page.locator('.model-info code')).toHaveText('charlm-zh-lstm');
  const top3 = traceTop3('charlm-zh-lstm', text);
  const list = page.getByRole('list', { name: '下一个字符的前三个猜测' }).getByRole('listitem');
  const slider = page.getByRole('slider', { name: '时间步' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(list).toHaveCount(3);
  for (let r = 0; r < 3; r++) await expect(list.nth(r)).toHaveAttribute('data-label', top3[5]![r]!.label);
  await expect(page.getByRole('radio', { name: '下一个字（唐诗）' })).toBeChecked();
});

for (const theme of ['light', 'dark'] as const) {
  test(`character model screenshot ${theme}`, async ({ page }) => {
    await page.goto(`./?model=charlm-lstm&view=heatmap&theme=${theme}&t=9&text=${encodeURIComponent('"I do not know," said she.')}`);
    await expect(page.locator('.model-info code')).toHaveText('charlm-lstm');
    await expect(page.getByRole('region', { name: 'Painted text' })).toBeVisible();
    await page.screenshot({ path: `test-results/shots/charlm-${theme}.png`, fullPage: true });
  });
}
