import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { CellKind, Model } from '../src/engine';
import type { enLesson } from '../src/i18n/en-lesson';
import type { ChapterState } from '../src/lesson/chapters';
import type { QuestionDef, Solution } from '../src/lesson/questions';
import { demoModel } from '../src/models/demo';
import { parseModelFile } from '../src/models/format';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { learnData } from '../src/viz/learnChart';
import { drawn } from './helpers';

/** What the lesson's end-to-end specs share: the chapters' models read here, as the page reads them, and the checks of a reveal. */

const models = new Map<string, Model>();
export function model(id: string): Model {
  if (!models.has(id)) models.set(id, id.startsWith('demo-') ? demoModel(id.slice(5) as CellKind) : parseModelFile(JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8'))));
  return models.get(id)!;
}
const report = learnData(JSON.parse(readFileSync('public/reports/memory-learnability.json', 'utf8')));

/** The translate view's encoder–decoder files of a kind, read as the page reads them. */
const seq2seq = (id: string) => readSeq2SeqFile(JSON.parse(readFileSync(`public/models/translate/${id}.json`, 'utf8'))).model;

/**
 * What a chapter's questions are asked of, as the page asks them: its model, sentence, the
 * learnability report, the model file's own report, and for the translator's chapter both
 * encoder–decoders of the model's kind.
 */
export function contextOf(st: ChapterState) {
  const modelReport = st.model.startsWith('demo-') ? null : (JSON.parse(readFileSync(`public/models/${st.model}.json`, 'utf8')).report ?? null);
  const m = model(st.model);
  const k = m.cell.kind;
  const translators = st.view === 'translate' ? { plain: seq2seq(`translate-${k}`), attention: seq2seq(`translate-attn-${k}`) } : null;
  return { model: m, text: st.asks ?? st.text, report, modelReport, translators };
}

type Dict = Record<keyof typeof enLesson, string>;

/** A string of the lesson's with its placeholders filled, as the page writes it. */
export function fill(s: string, vars: Readonly<Record<string, string | number>>): string {
  return Object.entries(vars).reduce((acc, [k, v]) => acc.split(`{${k}}`).join(String(v)), s);
}

/** The answer as the page names it (choices; the estimates used here are plain numbers). */
export function answerText(L: Dict, q: QuestionDef, sol: Solution): string {
  return typeof sol.answer === 'number' ? String(Math.round(sol.answer * 100) / 100) : fill(L[`q.${q.id}.${sol.answer}` as keyof Dict], sol.ask);
}

/** The feedback of an answer revealed before anyone answered (presenting): the answer, then why, with the engine's numbers. */
export function revealedText(L: Dict, q: QuestionDef, sol: Solution): string {
  return `${fill(L['lesson.theAnswer'], { a: answerText(L, q, sol) })} ${drawn(fill(L[`q.${q.id}.why` as keyof Dict], sol.why))}`;
}

/** For the questions that read one unit at one step: the diagram strip that shows it. */
const SHOWN: Record<string, { vector: string; value: (s: Solution) => string }> = {
  forgetUnit: { vector: 'f', value: (s) => String(s.why.f) },
  inputOpen: { vector: 'i', value: (s) => String(s.why.i) },
  candidateSign: { vector: 'cTilde', value: (s) => String(s.why.g) },
  outputOpen: { vector: 'o', value: (s) => String(s.why.o) },
  cEstimate: { vector: 'c', value: (s) => String(s.why.c) },
  hEstimate: { vector: 'h', value: (s) => String(s.why.h) },
  gruReset: { vector: 'r', value: (s) => String(s.why.r) },
};

export async function give(group: Locator, q: QuestionDef, a: string | number) {
  if (q.input.type === 'choice') await group.locator(`input[value="${a}"]`).check();
  else {
    const { min, step } = q.input;
    const v = Math.round(((a as number) - min) / step) * step + min;
    await group.locator('input[type=range]').fill(String(Number(v.toFixed(4))));
  }
}

/** The figure reached the state that shows the answer: step, view, knobs, and the unit's number as the engine computed it. */
export async function expectRevealed(page: Page, q: QuestionDef, sol: Solution) {
  const r = sol.reveal;
  if (r.view) await expect(page.locator(`#tab-${r.view}`)).toHaveAttribute('aria-selected', 'true');
  if (r.t !== undefined) await expect(page.locator('.controls .slider input')).toHaveValue(String(r.t));
  if (r.flow?.fillers !== undefined) await expect(page.locator('.flow-controls input[type=range]').first()).toHaveValue(String(r.flow.fillers));
  if (r.flow?.forgetBias) await expect(page.locator('.flow-controls input[type=range]').nth(1)).toHaveValue(String(r.flow.forgetBias));
  if (r.labGap !== undefined) await expect(page.locator('.lab-gap input')).toHaveValue(String(r.labGap));
  // The translator: with attention or not, at the step that shows the answer; the attention
  // weight drawn there for the word named is the one the engine gave the question.
  if (r.attention !== undefined) await expect(page.locator('.attn-toggle input')).toBeChecked({ checked: r.attention });
  if (r.text !== undefined) await expect(page.locator('#sentence-input')).toHaveValue(r.text);
  if (r.translateStep !== undefined) await expect(page.locator('.translate-step input')).toHaveValue(String(r.translateStep));
  if (q.id === 'plainSecond') await expect(page.getByTestId('translation-output')).toHaveText(String(sol.why.out));
  if (q.id === 'attnSource') {
    await expect(page.locator('.attn-links path').first()).toBeAttached();
    const values = await page.locator('.attn-links path').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(Math.max(...values).toFixed(2)).toBe(String(sol.why.w));
    await expect(page.getByTestId('translation-output')).toHaveText(String(sol.why.out));
  }
  const shown = SHOWN[q.id];
  if (shown) {
    const u = Number(sol.why.u) - 1;
    const cell = page.locator(`svg [data-vector="${shown.vector}"] [data-unit="${u}"]`).first();
    await expect(cell).toHaveAttribute('data-value', /./);
    const v = Number(await cell.getAttribute('data-value'));
    expect(v.toFixed(3).replace('-', '−')).toBe(shown.value(sol));
  }
}
