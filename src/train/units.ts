/**
 * Interpretable units, found by measurement (after Karpathy, Johnson & Fei-Fei 2015): for each
 * feature of the text that can be computed without the model (inside a quotation, position in
 * the word, a space, punctuation, the first word of a sentence, a vowel, position in the
 * sentence, characters since the last quotation mark), the unit of h or C
 * whose value after each character correlates best with it over held-out text (Pearson r).
 * Nothing is chosen by hand: the caption says what this measurement found, whatever it is.
 */
import { cellStateOf, embedToken, initialState, step, type Model } from '../engine';

export const FEATURES = ['quote', 'wordPos', 'space', 'punct', 'sentenceStart', 'vowel', 'sentencePos', 'sinceQuote'] as const;
export type Feature = (typeof FEATURES)[number];

const LETTER = /\p{L}/u;
const PUNCT = /^[.,;:!?，。；：！？、]$/u;
const END = /^[.!?。！？]$/u;

/** Each feature's value after each character of `chars` (from the start of the text). */
export function textFeatures(chars: readonly string[]): Record<Feature, Float64Array> {
  const n = chars.length;
  const f = Object.fromEntries(FEATURES.map((k) => [k, new Float64Array(n)])) as Record<Feature, Float64Array>;
  let inQuote = false;
  let pos = 0;
  let sentenceStart = true;
  let sawLetter = false;
  let inSentence = 0;
  // Before the text's first quotation mark, count from the text's start.
  let sinceQuote = 0;
  for (let t = 0; t < n; t++) {
    const c = chars[t]!;
    // A straight quote opens or closes; the opening quote is inside, the closing one is not.
    if (c === '"') inQuote = !inQuote;
    f.quote[t] = inQuote ? 1 : 0;
    pos = LETTER.test(c) ? pos + 1 : 0;
    f.wordPos[t] = pos;
    f.space[t] = c === ' ' ? 1 : 0;
    f.punct[t] = PUNCT.test(c) ? 1 : 0;
    if (END.test(c)) (sentenceStart = true), (sawLetter = false);
    else if (LETTER.test(c)) sawLetter = true;
    else if (c === ' ' && sawLetter) sentenceStart = false;
    f.sentenceStart[t] = sentenceStart && sawLetter ? 1 : 0;
    f.vowel[t] = /^[aeiou]$/.test(c) ? 1 : 0;
    // Characters since the sentence began (0 at its closing mark), and since the last quote mark
    // (0 at the mark): the counts a unit would need to track structure longer than a word.
    inSentence = END.test(c) ? 0 : inSentence + 1;
    f.sentencePos[t] = inSentence;
    sinceQuote = c === '"' ? 0 : sinceQuote + 1;
    f.sinceQuote[t] = sinceQuote;
  }
  return f;
}

export interface FoundUnit {
  readonly feature: Feature;
  readonly vector: 'h' | 'C';
  readonly unit: number;
  /** Pearson correlation over the held-out characters (its sign says high or low). */
  readonly r: number;
}

/** Running sums for Pearson's r of many (unit, feature) pairs. */
class Correlator {
  private n = 0;
  private readonly sx: Float64Array;
  private readonly sxx: Float64Array;
  private readonly sy = new Float64Array(FEATURES.length);
  private readonly syy = new Float64Array(FEATURES.length);
  private readonly sxy: Float64Array;
  constructor(private readonly units: number) {
    this.sx = new Float64Array(units);
    this.sxx = new Float64Array(units);
    this.sxy = new Float64Array(units * FEATURES.length);
  }
  add(x: ArrayLike<number>, y: readonly number[]): void {
    this.n++;
    const { sx, sxx, sy, syy, sxy } = this;
    for (let j = 0; j < y.length; j++) (sy[j] = sy[j]! + y[j]!), (syy[j] = syy[j]! + y[j]! * y[j]!);
    for (let u = 0; u < this.units; u++) {
      const v = x[u]!;
      sx[u] = sx[u]! + v;
      sxx[u] = sxx[u]! + v * v;
      for (let j = 0; j < y.length; j++) sxy[u * y.length + j] = sxy[u * y.length + j]! + v * y[j]!;
    }
  }
  r(u: number, j: number): number {
    const n = this.n;
    const cov = this.sxy[u * FEATURES.length + j]! - (this.sx[u]! * this.sy[j]!) / n;
    const vx = this.sxx[u]! - (this.sx[u]! * this.sx[u]!) / n;
    const vy = this.syy[j]! - (this.sy[j]! * this.sy[j]!) / n;
    // A constant unit or feature correlates with nothing (not NaN).
    return vx > 1e-12 && vy > 1e-12 ? cov / Math.sqrt(vx * vy) : 0;
  }
}

/** Collects (state, features) pairs and reports, per feature, the unit with the largest |r|. */
export class UnitFinder {
  private readonly corr: { h: Correlator; C: Correlator };
  private withC = false;
  constructor(private readonly hidden: number) {
    this.corr = { h: new Correlator(hidden), C: new Correlator(hidden) };
  }
  /** One character's state (c: null for cells without C) and its feature values, in FEATURES order. */
  add(h: ArrayLike<number>, c: ArrayLike<number> | null, features: readonly number[]): void {
    this.corr.h.add(h, features);
    if (c) (this.withC = true), this.corr.C.add(c, features);
  }
  result(): FoundUnit[] {
    return FEATURES.map((feature, j) => {
      let best: FoundUnit = { feature, vector: 'h', unit: 0, r: 0 };
      for (const vector of this.withC ? (['h', 'C'] as const) : (['h'] as const)) {
        for (let u = 0; u < this.hidden; u++) {
          const r = this.corr[vector].r(u, j);
          if (Math.abs(r) > Math.abs(best.r)) best = { feature, vector, unit: u, r };
        }
      }
      return best;
    });
  }
}

/**
 * The units of a model over `texts`, each run from the zero state with features counted from the
 * text's own start. A text may be a whole chapter: the state is carried across it, one step at a
 * time, and no step's trace is kept (a stateful model is measured as it was trained).
 */
export function findUnits(m: Model, texts: readonly string[]): FoundUnit[] {
  const finder = new UnitFinder(m.cell.hiddenSize);
  for (const text of texts) {
    const chars = Array.from(text);
    const feats = textFeatures(chars);
    let s = initialState(m.cell);
    chars.forEach((c, t) => {
      const r = step(m.cell, s, embedToken(m.embedding, c).x);
      s = r.state;
      finder.add(
        r.trace.h,
        cellStateOf(r.trace),
        FEATURES.map((k) => feats[k][t]!),
      );
    });
  }
  return finder.result();
}
