import { expect, test, type Page } from '@playwright/test';
import { enLab } from '../src/i18n/en-lab';
import { enLesson } from '../src/i18n/en-lesson';
import { zhLab } from '../src/i18n/zh-lab';
import { zhLesson } from '../src/i18n/zh-lesson';
import { CHAPTERS } from '../src/lesson/chapters';
import { questionById, wrongAnswer } from '../src/lesson/questions';
import AxeBuilder from '@axe-core/playwright';
import { axeViolations } from './helpers';
import { contextOf, expectRevealed, give } from './lessonHelpers';

/**
 * The guided lesson, walked as a student would: every chapter from its link in the "Lesson
 * chapters" navigation, in English and in Chinese; every question answered once wrong and once
 * right, each time checking the feedback (said in the status region) and that the figure reached
 * the state that shows the answer (step, view, kind, knobs, and the diagram's numbers against the
 * engine's, computed here by the same question module from the same model file); axe on each.
 */
async function sideViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.workbench .side').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(' | ')}`);
}

for (const lang of ['en', 'zh'] as const) {
  const L = lang === 'en' ? enLesson : zhLesson;
  test(`every chapter and question of the lesson (${lang})`, async ({ page }) => {
    // About 7 s a chapter on an idle machine; the ceiling leaves room for a loaded one.
    test.setTimeout(20_000 * CHAPTERS.length);
    await page.goto(`./?lesson=1&lang=${lang}`);
    const nav = page.getByRole('navigation', { name: L['lesson.chapters'] });
    await expect(nav.getByRole('link')).toHaveCount(CHAPTERS.length);
    let n = 0;
    for (const [k, ch] of CHAPTERS.entries()) {
      await nav.getByRole('link').nth(k).click();
      await expect(page.getByRole('heading', { level: 2, name: L[`ch.${ch.id}.title` as keyof typeof L] })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`[?&]lesson=${k + 1}(&|$)`));
      if (ch.state) await expect(page.locator(`#tab-${ch.state.view}`)).toHaveAttribute('aria-selected', 'true');
      const groups = page.locator('.lesson-question');
      await expect(groups).toHaveCount(ch.questions.length);
      for (const [j, id] of ch.questions.entries()) {
        n++;
        const q = questionById(id);
        const sol = q.solve(contextOf(ch.state!))!;
        const group = page.getByRole(q.input.type === 'choice' ? 'radiogroup' : 'group', { name: new RegExp(`^${L['lesson.question'].replace('{n}', String(n))}`) });
        await expect(group).toHaveCount(1);
        await expect(groups.nth(j)).toHaveId(`q-${id}`);
        const check = group.getByRole('button', { name: L['lesson.check'], exact: true });
        await expect(check).toBeDisabled();
        const status = group.getByRole('status');
        // Once wrong …
        await give(group, q, wrongAnswer(q, sol));
        await expect(check).toBeEnabled();
        await check.click();
        await expect(status).toContainText(L['lesson.wrong']);
        await expectRevealed(page, q, sol);
        // … then right.
        await group.getByRole('button', { name: L['lesson.again'] }).click();
        await expect(status).toHaveText('');
        await give(group, q, sol.answer);
        await group.getByRole('button', { name: L['lesson.check'], exact: true }).click();
        await expect(status).toContainText(L['lesson.right']);
        await expectRevealed(page, q, sol);
        if (ch.id === 'variants') await expect(page.locator('input[name="cell-type"][value="gru"]')).toBeChecked();
      }
      // The whole page in English; in Chinese the lesson's side column (its text, chapters,
      // questions and the controls beside them), as the figure's markup is the same in both and
      // axe on the full diagram costs ~4 s a chapter on this 2-core machine.
      // (No second look: the one finding that came and went, scrollable-region-focusable at the
      // Train chapter, was the lab's gate heatmaps, scrollable in this column and not focusable,
      // there or not depending on whether the worker's first probe had landed. Now focusable.)
      // The Train chapter is looked at once those heatmaps are there, every run.
      if (ch.id === 'train') await expect(page.getByRole('region', { name: (lang === 'en' ? enLab : zhLab)['lab.gatesTitle'] })).toBeVisible();
      const found = lang === 'en' ? await axeViolations(page) : await sideViolations(page);
      expect(found, `chapter ${k + 1}`).toEqual([]);
    }
    expect(n).toBeGreaterThanOrEqual(15);
  });
}

test('the entry, the keys, and progress that survives a reload', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByRole('link', { name: 'Lesson', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Lesson chapters' });
  await expect(nav.getByRole('link', { name: /^1\./ })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('PageDown');
  await expect(nav.getByRole('link', { name: /^2\./ })).toHaveAttribute('aria-current', 'page');
  // ←/→ in the text turn the page; the figure keeps its own step keys.
  await page.locator('.lesson-text').focus();
  await page.keyboard.press('ArrowRight');
  await expect(nav.getByRole('link', { name: /^3\./ })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/lesson=3/);
  const group = page.getByRole('radiogroup', { name: /^Question 3/ });
  await group.locator('input[value="up"]').check();
  await group.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(group.getByRole('status')).not.toHaveText('');
  await page.goto('./?lang=en');
  await page.getByRole('link', { name: 'Lesson', exact: true }).click();
  await expect(nav.getByRole('link', { name: /^3\./ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('radiogroup', { name: /^Question 3/ }).getByRole('status')).not.toHaveText('');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(nav.getByRole('link', { name: /^1\./ })).toHaveAttribute('aria-current', 'page');
  // A question's own link opens its chapter with the question in view.
  await page.goto('./?lesson=4&lang=en#q-forgetCount');
  await expect(page.locator('#q-forgetCount')).toBeInViewport();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(nav.getByRole('link', { name: /^1\./ })).toHaveAttribute('aria-current', 'page');
});
