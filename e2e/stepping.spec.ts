import { expect, test } from '@playwright/test';
import { engineTrace, expectTableMatches, showValuesTable, tabTo } from './helpers';

const SENTENCE = 'I grew up in France, I speak fluent French';

test('type a sentence, step, scrub and switch cells: the table shows the engine numbers', async ({ page }) => {
  await page.goto('./?cell=lstm');
  const input = page.getByRole('textbox', { name: 'Sentence' });
  await input.fill(SENTENCE);
  await expect(page.getByRole('status')).toHaveText('Step t = 0 of 9: token “I”');
  const lstm = engineTrace('lstm', SENTENCE);
  await expectTableMatches(page, lstm[0]!, 0);

  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('status')).toHaveText('Step t = 2 of 9: token “up”');
  await expectTableMatches(page, lstm[2]!, 2);

  await page.getByRole('button', { name: 'Step back' }).click();
  await expectTableMatches(page, lstm[1]!, 1);

  // Scrub with the slider by keyboard: End goes to the last step.
  const slider = page.getByRole('slider', { name: 'Timestep' });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('status')).toHaveText('Step t = 9 of 9: token “French”');
  await expectTableMatches(page, lstm[9]!, 9);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectTableMatches(page, lstm[7]!, 7);

  // Every cell kind keeps the sentence and the step and shows its own numbers.
  const radios = page.getByRole('radiogroup', { name: 'Cell type' });
  for (const [name, kind] of [
    ['RNN', 'rnn'],
    ['GRU', 'gru'],
    ['Peephole LSTM', 'peephole'],
    ['Coupled LSTM', 'coupled'],
    ['LSTM', 'lstm'],
  ] as const) {
    await radios.getByRole('radio', { name, exact: true }).check();
    await expect(radios.getByRole('radio', { name, exact: true })).toBeChecked();
    await expectTableMatches(page, engineTrace(kind, SENTENCE)[7]!, 7);
  }
});

test('play runs to the end and pause stops it; reset goes back to t = 0', async ({ page }) => {
  await page.goto('./?text=a%20b%20c%20d');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status')).toHaveText('Step t = 3 of 3: token “d”');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('status')).toHaveText('Step t = 0 of 3: token “a”');
});

test('the whole app works from the keyboard alone', async ({ page }) => {
  await page.goto('./?text=one%20two%20three');
  await tabTo(page, page.getByRole('textbox', { name: 'Sentence' }));
  // Tab to the cell-type group and pick GRU with arrow keys.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'LSTM', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  // Tab through the tokens to Step forward and press it with Enter.
  const forward = page.getByRole('button', { name: 'Step forward' });
  await tabTo(page, forward);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Step t = 1 of 2: token “two”');
  await expectTableMatches(page, engineTrace('gru', 'one two three')[1]!, 1);
});

test('bad input gets a clear message, never a blank page or NaN', async ({ page }) => {
  await page.goto('./?cell=lstm');
  const input = page.getByRole('textbox', { name: 'Sentence' });
  await input.fill('   ');
  await expect(page.getByRole('alert')).toContainText('The sentence is empty');
  await expect(page.getByRole('status')).toHaveText('No steps: the sentence is empty.');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();

  await input.fill('word '.repeat(260));
  await expect(page.getByRole('alert')).toContainText('260 tokens');
  await expect(page.getByRole('slider', { name: 'Timestep' })).toHaveAttribute('max', '199');

  const mixed = '我爱 LSTM 👍🏽 !';
  await input.fill(mixed);
  await expect(page.getByRole('list', { name: 'Tokens' }).getByRole('button')).toHaveText(['0我', '1爱', '2LSTM', '3👍🏽', '4!']);
  await page.getByRole('slider', { name: 'Timestep' }).fill('3');
  await expectTableMatches(page, engineTrace('lstm', mixed)[3]!, 3);
  await expect(page.locator('body')).not.toContainText('NaN');
});

test('a deep link opens at its sentence, cell and step; bad parameters are reported and skipped', async ({ page }) => {
  await page.goto('./?text=the%20clouds%20are%20in%20the%20sky&cell=gru&t=4');
  await expect(page.getByRole('radio', { name: 'GRU', exact: true })).toBeChecked();
  await expect(page.getByRole('status')).toHaveText('Step t = 4 of 5: token “the”');
  await expectTableMatches(page, engineTrace('gru', 'the clouds are in the sky')[4]!, 4);

  await page.goto('./?cell=transformer&t=99&text=a%20b');
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('cell=transformer');
  await expect(notice).toContainText('t=99');
  await expect(page.getByRole('status')).toHaveText('Step t = 1 of 1: token “b”');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('steps faster than 100 ms apart (a held arrow key): the table catches up at most every 100 ms, says it is behind, and ends on the engine numbers', async ({ page }) => {
  await page.goto(`./?model=demo-lstm&text=${encodeURIComponent(SENTENCE)}&t=0`);
  await showValuesTable(page);
  // Steps two frames apart (~33 ms at 60 Hz); each caption change of the table is timed where it
  // happens. Catching up after every step, consecutive catch-ups were one step (~33 ms) apart.
  const seen = await page.evaluate(async () => {
    const step = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Step forward'))!;
    const wrap = document.querySelector('.values-wrap')!;
    const catchUps: { at: number; caption: string }[] = [];
    const obs = new MutationObserver(() => {
      const caption = wrap.querySelector('caption')?.textContent ?? '';
      if (caption !== catchUps.at(-1)?.caption) catchUps.push({ at: performance.now(), caption });
    });
    obs.observe(wrap, { subtree: true, childList: true, characterData: true });
    const clicks: number[] = [];
    let staleBetween = 0;
    for (let k = 0; k < 8; k++) {
      clicks.push(performance.now());
      step.click();
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      if (wrap.hasAttribute('data-stale')) staleBetween++;
    }
    while (wrap.hasAttribute('data-stale')) await new Promise((r) => setTimeout(r, 20));
    obs.disconnect();
    return { catchUps, clicks, staleBetween };
  });
  const gaps = seen.catchUps.slice(1).map((c, k) => c.at - seen.catchUps[k]!.at);
  const clickGaps = seen.clicks.slice(1).map((c, k) => c - seen.clicks[k]!);
  // The test means something only if the steps came faster than the table may follow.
  expect(Math.min(...clickGaps)).toBeLessThan(100);
  expect(seen.catchUps.length).toBeGreaterThanOrEqual(2);
  expect(seen.catchUps.length).toBeLessThan(8);
  // 100 ms apart, less the time one catch-up takes to render (the timer counts from its start).
  for (const g of gaps) expect(g).toBeGreaterThan(70);
  expect(seen.staleBetween).toBeGreaterThan(0);
  expect(seen.catchUps.at(-1)!.caption).toBe('Values at step t = 8');
  await expectTableMatches(page, engineTrace('lstm', SENTENCE)[8]!, 8);
});

test('below the fold the values table waits for the reader, then shows the engine numbers of the current step', async ({ page }) => {
  await page.goto(`./?model=demo-lstm&text=${encodeURIComponent(SENTENCE)}&t=0`);
  const wrap = page.locator('.values-wrap');
  await expect(page.getByRole('table', { name: 'Values at step t = 0' })).toBeAttached();
  // At 1280 × 720 the table is far below the first screen: stepping leaves it at its step.
  expect((await wrap.boundingBox())!.y).toBeGreaterThan(720 * 1.5);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText('Step t = 2 of')).toBeVisible();
  await expect(wrap).toHaveAttribute('data-stale', 'true');
  await expect(page.getByRole('table', { name: 'Values at step t = 0' })).toBeAttached();
  // Scrolled to, it catches up: the engine's numbers at t = 2, and no longer marked stale.
  await expectTableMatches(page, engineTrace('lstm', SENTENCE)[2]!, 2);
  await expect(wrap).not.toHaveAttribute('data-stale');
});

test('on screen the values table follows the step one paint behind the figure, and says so while it is behind', async ({ page }) => {
  await page.goto(`./?model=demo-lstm&text=${encodeURIComponent(SENTENCE)}&t=0`);
  await showValuesTable(page);
  const wrap = page.locator('.values-wrap');
  // In the animation frame that paints the step (before its paint): the status and the figure
  // are at t = 1, the table still at t = 0 and marked as behind.
  const inFrame = await page.evaluate(async () => {
    const step = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.includes('Step forward'))!;
    step.click();
    await new Promise((r) => requestAnimationFrame(r));
    const table = document.querySelector('.values-wrap')!;
    return {
      status: document.querySelector('.step-status')!.textContent,
      figure: document.querySelector('svg.diagram')!.getAttribute('aria-label'),
      caption: table.querySelector('caption')!.textContent,
      stale: table.getAttribute('data-stale'),
    };
  });
  expect(inFrame.status).toContain('Step t = 1 of');
  expect(inFrame.figure).toContain('t = 1');
  expect(inFrame.caption).toBe('Values at step t = 0');
  expect(inFrame.stale).toBe('true');
  // Right after, it shows the engine's numbers of t = 1 and is no longer marked.
  await expectTableMatches(page, engineTrace('lstm', SENTENCE)[1]!, 1);
  await expect(wrap).not.toHaveAttribute('data-stale');
});
