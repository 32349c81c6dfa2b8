import { describe, expect, it } from 'vitest';
import { createRng } from '../engine';
import { CHARLM_STATEFUL, STATEFUL_ID, statefulCaption, statefulReport, trainStateful } from './charlmStateful';
import { splitChapters, type Chapter } from './data/austen';

/** Chapters of a tiny language with quotations that run across many words. */
function chapters(n: number): Chapter[] {
  const rng = createRng(12);
  const words = ['the', 'cat', 'sat', 'on', 'a', 'mat'];
  return Array.from({ length: n }, (_, k) => {
    const parts: string[] = [];
    for (let w = 0; w < 50; w++) parts.push(rng.int(10) === 0 ? `"${words[rng.int(6)]} ${words[rng.int(6)]}"` : words[rng.int(6)]!);
    return { key: `Tiny #${k}`, book: 'Tiny', text: `${parts.join(' ')}.` };
  });
}

describe('the stateful charlm task (tiny config)', () => {
  it('trains on the training chapters only, keeps the best round, beats the unigram baseline and reports both held-out measures', () => {
    const ch = chapters(40);
    const split = splitChapters(ch);
    const cfg = { ...CHARLM_STATEFUL, hidden: 8, embedDim: 4, streams: 4, window: 20, updates: 60, roundUpdates: 20, lrAt: () => 0.02, minCount: 1, validationChars: 400, testChars: 1500 };
    const rounds: number[] = [];
    const run = trainStateful('lstm', ch, cfg, (s) => rounds.push(s.valBpc));
    expect(rounds).toHaveLength(3);
    expect(run.bestRound).toBe(rounds.indexOf(Math.min(...rounds)));
    const report = statefulReport(run.model, ch, cfg, run);
    expect(report.id).toBe(STATEFUL_ID('lstm'));
    expect(report.chapters).toEqual({ train: split.train.length, validation: split.validation.length, test: split.test.length });
    expect(report.trainChars).toBe(split.train.reduce((a, c) => a + c.text.length + 1, 0));
    expect(report.trainCharsSeen).toBe(60 * 4 * 20);
    expect(report.heldoutBpc).toBeLessThan(report.baselines.unigram);
    expect(report.heldoutBpcStateful).toBeLessThan(report.baselinesStateful.unigram);
    expect(report.units).toHaveLength(8);
    expect(report.units.every((u) => Number.isFinite(u.r))).toBe(true);
    const q = report.units.find((u) => u.feature === 'quote')!;
    const caption = statefulCaption(report);
    expect(caption.en).toContain(`unit ${q.unit + 1} of ${q.vector}`);
    expect(caption.en).toContain(`r = ${q.r.toFixed(2)}`);
    expect(caption.zh).toContain(report.heldoutBpcStateful.toFixed(2));
  });
});
