import { describe, expect, it } from 'vitest';
import { createRng } from '../engine';
import { AUSTEN, CHARLM, charLmCaption, trainCharLm } from './charlmTask';
import { splitChapters, type Chapter } from './data/austen';

/** Chapters of a tiny language: words from a small set, quoted now and then. */
function chapters(n: number): Chapter[] {
  const rng = createRng(9);
  const words = ['the', 'cat', 'sat', 'on', 'a', 'mat'];
  return Array.from({ length: n }, (_, k) => {
    const parts: string[] = [];
    for (let w = 0; w < 60; w++) parts.push(rng.int(8) === 0 ? `"${words[rng.int(6)]}"` : words[rng.int(6)]!);
    return { key: `Tiny #${k}`, book: 'Tiny', text: `${parts.join(' ')}.` };
  });
}

describe('the charlm task (tiny config)', () => {
  it('trains on training chapters only, beats the unigram baseline on test chapters, and reports what it measured', () => {
    const ch = chapters(40);
    const split = splitChapters(ch);
    const cfg = { ...CHARLM, hidden: 8, embedDim: 4, window: 30, windowsPerEpoch: 150, epochs: 3, lrAt: () => 0.02, minCount: 1, validationChunks: 20, unitChars: 2000 };
    const { model, report } = trainCharLm('lstm', ch, AUSTEN, cfg);
    expect(report.chapters).toEqual({ train: split.train.length, validation: split.validation.length, test: split.test.length });
    expect(report.heldoutChars).toBe(split.test.reduce((a, c) => a + c.text.length - 1, 0));
    expect(report.heldoutBpc).toBeLessThan(report.baselines.unigram);
    expect(model.tokenizer).toBe('chars');
    expect(model.head.labels).toEqual(model.embedding.vocab);
    expect(report.units).toHaveLength(8);
    const caption = charLmCaption(report);
    expect(caption.en).toContain(report.heldoutBpc.toFixed(2));
    expect(caption.zh).toContain(report.baselines.bigram.toFixed(2));
  });
});
