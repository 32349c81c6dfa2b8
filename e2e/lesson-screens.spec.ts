import { expect, test, type Page } from '@playwright/test';
import { enLesson, type LessonKey } from '../src/i18n/en-lesson';
import { zhLesson } from '../src/i18n/zh-lesson';
import { CHAPTERS } from '../src/lesson/chapters';
import { questionById, wrongAnswer } from '../src/lesson/questions';
import { embedToken, run, stackOf } from '../src/engine';
import { tokenize } from '../src/text/tokenize';
import { MAX_ROWS } from '../src/viz/cellLayout';
import { unitsThatChangedMost } from '../src/viz/diagramVectors';
import { formatValue } from '../src/viz/vectors';
import { axeViolations, drawn } from './helpers';
import { answerText, contextOf, expectRevealed, fill, give, model, revealedText } from './lessonHelpers';

/**
 * The lesson presented to a class (`present=1`): projector-size type at 1280 × 720 and
 * 1920 × 1080, each question before its answer, the answer revealed by a key (the feedback in
 * the question's status region, with the engine's numbers; the figure at the state that shows
 * it), the chapters turned by PageUp/PageDown (a clicker) and ←/→, the keys named on screen, and
 * the way in from the lesson and out again; in English and in Chinese.
 */

type Dict = Record<LessonKey, string>;
const DICT: Record<'en' | 'zh', Dict> = { en: enLesson, zh: zhLesson };
const chapterOf = (id: string) => CHAPTERS.findIndex((c) => c.id === id);
function solved(chapterId: string, qid: string) {
  const ch = CHAPTERS[chapterOf(chapterId)]!;
  const q = questionById(qid);
  return { q, sol: q.solve(contextOf(ch.state!))! };
}
const questionGroup = (page: Page, L: Dict, n: number) =>
  page.getByRole('radiogroup', { name: new RegExp(`^${fill(L['lesson.question'], { n })}`) }).or(page.getByRole('group', { name: new RegExp(`^${fill(L['lesson.question'], { n })}`) }));

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/shots/${name}.png` });
}

for (const lang of ['en', 'zh'] as const) {
  const L = DICT[lang];

  test(`presenting (${lang}, 1280 × 720): the question first, a key reveals it, the clicker's keys turn chapters`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`./?lesson=4&lang=${lang}&present=1`);
    const nav = page.getByRole('navigation', { name: L['lesson.chapters'] });
    await expect(nav.getByRole('link')).toHaveCount(CHAPTERS.length);
    await expect(nav.getByRole('link', { name: /^4\./ })).toHaveAttribute('aria-current', 'page');
    const title = page.getByRole('heading', { level: 2, name: L['ch.forget.title'] });
    await expect(title).toBeVisible();
    // The page's header (language, theme, share) is the teacher's desk: not on the projector.
    await expect(page.locator('header.top')).toBeHidden();

    const first = solved('forget', 'forgetUnit');
    const second = solved('forget', 'forgetCount');
    const q4 = questionGroup(page, L, 4);
    const q5 = questionGroup(page, L, 5);
    await expect(q4).toHaveCount(1);
    // The question is on the first screen, whole, above the chapter's text, at projector size.
    await expect(q4).toBeInViewport({ ratio: 1 });
    const article = page.locator('article.lesson-text');
    expect((await q4.boundingBox())!.y).toBeLessThan((await article.boundingBox())!.y);
    const promptSize = await q4.locator('.lesson-prompt').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(promptSize).toBeGreaterThanOrEqual(28);
    // The keys, named on screen.
    const keys = page.getByText(L['lesson.presentKeys']);
    await expect(keys).toBeInViewport({ ratio: 1 });

    const check4 = q4.getByRole('button', { name: L['lesson.check'], exact: true });
    await expect(check4).toBeDisabled();
    await expect(q4.getByRole('status')).toHaveText('');
    await expect(page.locator('.controls .slider input')).toHaveValue(String(CHAPTERS[chapterOf('forget')]!.state!.t));

    // Space reveals the first answer: its status says it with the engine's numbers, and the figure moves.
    await page.keyboard.press(' ');
    await expect(q4.getByRole('status')).toHaveText(revealedText(L, first.q, first.sol));
    await expectRevealed(page, first.q, first.sol);
    await expect(q5.getByRole('status')).toHaveText('');
    await shoot(page, `lesson-present-1280-${lang}`);
    // Enter reveals the next one (the count of units with f > 0.5, shown on the heatmaps).
    await page.keyboard.press('Enter');
    await expect(q5.getByRole('status')).toHaveText(revealedText(L, second.q, second.sol));
    await expectRevealed(page, second.q, second.sol);

    // A clicker's PageDown: the next chapter, its question closed again.
    await page.keyboard.press('PageDown');
    await expect(nav.getByRole('link', { name: /^5\./ })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveURL(/[?&]lesson=5&present=1/);
    const q6 = questionGroup(page, L, 6);
    await expect(q6.getByRole('status')).toHaveText('');
    // The teacher picks the class's answer (a wrong one here) and Enter checks it.
    const input = solved('input', 'inputOpen');
    await give(q6, input.q, wrongAnswer(input.q, input.sol));
    await page.keyboard.press('Enter');
    await expect(q6.getByRole('status')).toContainText(L['lesson.wrong']);
    await expect(q6.getByRole('status')).toContainText(fill(L['lesson.yourAnswer'], { a: fill(L[`q.inputOpen.${wrongAnswer(input.q, input.sol)}` as LessonKey], input.sol.ask) }));
    await expectRevealed(page, input.q, input.sol);
    // PageUp and ←/→ from the page: back to chapter 4, whose answers stay out this session; → again.
    await page.keyboard.press('PageUp');
    await expect(nav.getByRole('link', { name: /^4\./ })).toHaveAttribute('aria-current', 'page');
    await expect(q4.getByRole('status')).toHaveText(revealedText(L, first.q, first.sol));
    await page.keyboard.press('ArrowRight');
    await expect(nav.getByRole('link', { name: /^5\./ })).toHaveAttribute('aria-current', 'page');
    // A clicker alone runs the class: PageDown first reveals the chapter's next answer, then turns the page.
    const candidate = solved('input', 'candidateSign');
    await page.keyboard.press('PageDown');
    await expect(questionGroup(page, L, 7).getByRole('status')).toHaveText(revealedText(L, candidate.q, candidate.sol));
    await expectRevealed(page, candidate.q, candidate.sol);
    await expect(nav.getByRole('link', { name: /^5\./ })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('PageDown');
    await expect(nav.getByRole('link', { name: /^6\./ })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('PageUp');
    await expect(nav.getByRole('link', { name: /^5\./ })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('ArrowLeft');
    await expect(nav.getByRole('link', { name: /^4\./ })).toHaveAttribute('aria-current', 'page');

    // Esc leaves presenting for the lesson as it was; its Present link comes back in.
    await page.keyboard.press('Escape');
    await expect(page.locator('header.top')).toBeVisible();
    await expect(page).not.toHaveURL(/present=/);
    await expect(title).toBeVisible();
    const present = page.getByRole('link', { name: L['lesson.present'], exact: true });
    await expect(present).toHaveAttribute('href', /lesson=4.*present=1/);
    await present.click();
    await expect(page).toHaveURL(/[?&]lesson=4&present=1/);
    await expect(page.locator('header.top')).toBeHidden();
    await page.getByRole('button', { name: L['lesson.leavePresent'] }).click();
    await expect(page).not.toHaveURL(/present=/);
  });

  test(`presenting (${lang}, 1920 × 1080): larger still, the answer revealed beside the figure`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./?lesson=7&lang=${lang}&present=1`);
    const { q, sol } = solved('output', 'outputOpen');
    const group = questionGroup(page, L, 10);
    await expect(group).toBeInViewport({ ratio: 1 });
    const size = await group.locator('.lesson-prompt').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(40);
    // The figure uses the projector's width beside the question (the page is not held to 1400 px).
    const figure = page.locator('#view-panel svg.diagram');
    await expect(figure).toBeInViewport();
    expect((await figure.boundingBox())!.width).toBeGreaterThan(900);
    // Its numbers at a size the room reads (the layout's large swatches: 16 px tall before),
    // each inside its swatch.
    const nums = await figure.locator('.swatch').evaluateAll((gs) =>
      gs.map((g) => {
        const [r, t] = [g.querySelector('rect')!.getBoundingClientRect(), g.querySelector('text')!.getBoundingClientRect()];
        return { h: t.height, inside: t.left >= r.left && t.right <= r.right };
      }),
    );
    expect(nums.length).toBeGreaterThan(0);
    for (const n of nums) expect(n).toEqual({ h: expect.any(Number), inside: true });
    expect(Math.min(...nums.map((n) => n.h))).toBeGreaterThanOrEqual(20);
    await page.keyboard.press(' ');
    await expect(group.getByRole('status')).toHaveText(revealedText(L, q, sol));
    await expectRevealed(page, q, sol);
    await expect(group.getByRole('status')).toBeInViewport();
    await shoot(page, `lesson-present-1920-${lang}`);
  });
}

test('printing the lesson: every chapter on its own pages, its figure drawn at its state, the answers last', async ({ page }) => {
  test.setTimeout(150_000);
  const L = DICT.en;
  // A dark reader: on paper every background is white all the same.
  await page.goto('./?lesson=4&lang=en&theme=dark');
  await expect(page.getByRole('heading', { level: 2, name: L['ch.forget.title'] })).toBeVisible();
  await page.getByRole('button', { name: L['lesson.print'] }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${fill(L['lesson.printing'], { n: '\\d+', total: CHAPTERS.length })}$`) })).toBeVisible();
  const doc = page.getByRole('document', { name: L['lesson.title'] });
  await expect(doc).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('.app')).toBeHidden();
  await expect(doc.getByRole('button', { name: L['lesson.printNow'] })).toBeFocused();

  await page.emulateMedia({ media: 'print' });
  await expect(doc.getByRole('button', { name: L['lesson.printNow'] })).toBeHidden();
  const white = 'rgb(255, 255, 255)';
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(white);
  let n = 0;
  for (const [k, ch] of CHAPTERS.entries()) {
    const title = L[`ch.${ch.id}.title` as LessonKey];
    const section = doc.getByRole('region', { name: `${k + 1}. ${title}` });
    await expect(section).toBeVisible();
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(`${k + 1}. ${title}`);
    // A page break before every chapter but the first (which follows the title).
    expect(await section.evaluate((el) => getComputedStyle(el).breakBefore)).toBe(k === 0 ? 'auto' : 'page');
    // No controls on paper; no background but white.
    await expect(section.getByRole('button')).toHaveCount(0);
    const backgrounds = await section.evaluate((el) =>
      Array.from(el.querySelectorAll('*'))
        .map((e) => getComputedStyle(e).backgroundColor)
        .filter((c) => c !== 'rgba(0, 0, 0, 0)'),
    );
    expect(backgrounds.every((c) => c === white)).toBe(true);
    const figure = section.getByRole('img', { name: fill(L['lesson.printFigure'], { title }) });
    if (!ch.state) await expect(figure).toHaveCount(0);
    else {
      await expect(figure).toBeVisible();
      const box = (await figure.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(100);
      // Drawn: marks with a visible fill or stroke, or pictures (the heatmaps' cells).
      const marks = await figure.evaluate(
        (svg) =>
          Array.from(svg.querySelectorAll('path, rect, circle, line, polyline, text, image')).filter((e) => {
            const s = getComputedStyle(e);
            return e.tagName === 'image' || (s.fill !== 'none' && s.fill !== 'rgb(255, 255, 255)') || (s.stroke !== 'none' && s.stroke !== 'rgb(255, 255, 255)');
          }).length,
      );
      expect(marks, `chapter ${k + 1}`).toBeGreaterThan(20);
    }
    // Its questions, with the engine's numbers in the prompt, and no answer on the page.
    for (const id of ch.questions) {
      n++;
      const q = questionById(id);
      const sol = q.solve(contextOf(ch.state!))!;
      await expect(section.getByText(drawn(`${fill(L['lesson.question'], { n })}: ${fill(L[`q.${id}.prompt` as LessonKey], sol.ask)}`))).toBeVisible();
      await expect(section.getByText(drawn(fill(L[`q.${id}.why` as LessonKey], sol.why)))).toHaveCount(0);
    }
  }
  // Chapter 4's figure at its state (the step of "was"): the h_t of each unit it draws, as the engine computes it there.
  const st4 = CHAPTERS[chapterOf('forget')]!.state!;
  const m4 = model(st4.model);
  const tr = run(
    stackOf(m4)[0]!,
    tokenize(st4.text, m4.tokenizer).tokens.map((tok) => embedToken(m4.embedding, tok).x),
  ).traces[st4.t]!;
  const drawn4 = doc.getByRole('region', { name: `4. ${L['ch.forget.title']}` }).getByRole('img');
  await expect(drawn4).toContainText(`t = ${st4.t}`);
  const text4 = (await drawn4.textContent()) ?? '';
  for (const u of unitsThatChangedMost(tr, MAX_ROWS)) expect(text4).toContain(formatValue(tr.h[u]!));
  // The answers, on a page of their own: every one, as the engine computes it.
  const answers = doc.getByRole('region', { name: L['lesson.answers'] });
  expect(await answers.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
  await expect(answers.getByRole('listitem')).toHaveCount(n);
  let m = 0;
  for (const ch of CHAPTERS)
    for (const id of ch.questions) {
      const q = questionById(id);
      const sol = q.solve(contextOf(ch.state!))!;
      if (typeof sol.answer === 'string') await expect(answers.getByRole('listitem').nth(m)).toContainText(answerText(L, q, sol));
      await expect(answers.getByRole('listitem').nth(m)).toContainText(drawn(fill(L[`q.${id}.why` as LessonKey], sol.why)));
      m++;
    }
  await page.screenshot({ path: 'test-results/shots/lesson-print.png', fullPage: true });
  // On paper: Chromium's PDF has a page per chapter at least, and the answers' page.
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: 'test-results/shots/lesson.pdf' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(CHAPTERS.length + 1);
  expect(pages).toBeLessThanOrEqual(2 * CHAPTERS.length + 1);

  // Back: the lesson at its chapter, in the reader's dark theme again.
  await page.emulateMedia({ media: 'screen' });
  await doc.getByRole('button', { name: L['lesson.printBack'] }).click();
  await expect(doc).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: L['ch.forget.title'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.controls .slider input')).toHaveValue(String(st4.t));
});

test('on a phone (390 × 844): the text, then the figure, then the question, nothing sideways; after Check the figure that answers is in view', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const L = DICT.en;
  await page.goto('./?lesson=1&lang=en');
  const nav = page.getByRole('navigation', { name: L['lesson.chapters'] });
  for (const [k, ch] of CHAPTERS.entries()) {
    await nav.getByRole('link').nth(k).click();
    await expect(page.getByRole('heading', { level: 2, name: L[`ch.${ch.id}.title` as LessonKey] })).toBeVisible();
    if (!ch.state) continue;
    await expect(page.locator(`#tab-${ch.state.view}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.lesson-question')).toHaveCount(ch.questions.length);
    const text = (await page.locator('article.lesson-text').boundingBox())!;
    const figure = (await page.locator('#view-panel').boundingBox())!;
    const questions = (await page.locator('.lesson-questions').boundingBox())!;
    expect(text.y + text.height, `chapter ${k + 1}`).toBeLessThanOrEqual(figure.y);
    expect(figure.y + figure.height, `chapter ${k + 1}`).toBeLessThanOrEqual(questions.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `chapter ${k + 1}`).toBeLessThanOrEqual(390);
    // The values table and the lab's gates scroll sideways here: axe, where they are.
    if (['loop', 'forget', 'gradient', 'train'].includes(ch.id)) expect(await axeViolations(page), `chapter ${k + 1}`).toEqual([]);
  }

  for (const [lang, id, qid, n] of [
    ['en', 'forget', 'forgetUnit', 4],
    ['zh', 'gradient', 'rnnBelow', 14],
  ] as const) {
    const D = DICT[lang];
    await page.goto(`./?lesson=${chapterOf(id) + 1}&lang=${lang}`);
    const { q, sol } = solved(id, qid);
    const group = questionGroup(page, D, n);
    await give(group, q, sol.answer);
    await group.getByRole('button', { name: D['lesson.check'], exact: true }).click();
    await expect(group.getByRole('status')).toContainText(D['lesson.right']);
    await expectRevealed(page, q, sol);
    // Above the question on a phone, the figure is brought into view: not left hidden above.
    const drawing = page.locator(id === 'forget' ? '#view-panel svg.diagram' : '#view-panel .flow-chart svg').first();
    await expect(drawing).toBeInViewport({ ratio: 0.9 });
    await shoot(page, `lesson-phone-check-${lang}`);
  }
});

test('at 1280 × 720 the text and the figure stand side by side, the figure on the first screen', async ({ page }) => {
  test.setTimeout(90_000);
  const L = DICT.en;
  await page.goto('./?lesson=1&lang=en');
  const nav = page.getByRole('navigation', { name: L['lesson.chapters'] });
  for (const [k, ch] of CHAPTERS.entries()) {
    if (!ch.state) continue;
    await nav.getByRole('link').nth(k).click();
    await expect(page.locator(`#tab-${ch.state.view}`)).toHaveAttribute('aria-selected', 'true');
    const text = (await page.locator('article.lesson-text').boundingBox())!;
    const drawing = page.locator('#view-panel').locator('svg, canvas').first();
    await expect(drawing).toBeInViewport();
    expect(text.x + text.width, `chapter ${k + 1}`).toBeLessThanOrEqual((await drawing.boundingBox())!.x);
  }
});
