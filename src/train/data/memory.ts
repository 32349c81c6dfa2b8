/**
 * The long-range memory task from colah's and Karpathy's essays: "I grew up in France … I speak
 * fluent French." A country comes first, then `gap` filler tokens (everyday clauses that name no
 * country or language), then "i speak fluent"; the answer is the language, read at the last step.
 * To get it right the cell must carry the country across the whole gap.
 */
import { createRng, type Rng } from '../../engine';
import type { Example } from './types';

export const COUNTRIES = ['france', 'germany', 'spain', 'italy', 'china', 'japan'] as const;
export const LANGUAGES = ['french', 'german', 'spanish', 'italian', 'chinese', 'japanese'] as const;
export const MEMORY_GAPS = [5, 10, 20, 30, 40] as const;

const OPENERS = [['i', 'grew', 'up', 'in'], ['i', 'was', 'born', 'in']];
const FILLER = [
  'we moved to the city when i was young',
  'my father worked at a small shop near the river',
  'after school i played football with my friends',
  'later i studied music for many years',
  'the winters were long and the summers were warm',
  'my mother liked to cook on sundays',
  'then i found a job as a teacher',
  'we often walked by the sea in the evening',
  'i have a brother and two sisters',
  'now i live in a big house with a garden',
  'every morning i drink a cup of coffee',
  'i read a lot of books on the train',
].map((s) => s.split(' '));

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

/** Exactly `gap` filler tokens: whole clauses joined by ",", the last one cut to fit. */
export function filler(rng: Rng, gap: number): string[] {
  const out: string[] = [];
  while (out.length < gap) {
    if (out.length > 0) out.push(',');
    out.push(...pick(rng, FILLER));
  }
  return out.slice(0, gap);
}

export function memoryExample(rng: Rng, gap: number): Example {
  const c = rng.int(COUNTRIES.length);
  const tokens = [...pick(rng, OPENERS), COUNTRIES[c]!, '.', ...filler(rng, gap), '.', 'i', 'speak', 'fluent'];
  return { tokens, label: c, gap };
}

/** Gaps drawn uniformly from [minGap, maxGap]. */
export function memoryExamples(n: number, seed: number, minGap: number, maxGap: number): Example[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => memoryExample(rng, minGap + rng.int(maxGap - minGap + 1)));
}

/** Held-out examples at one fixed gap, from a seed training never uses. */
export function memoryExamplesAtGap(n: number, seed: number, gap: number): Example[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => memoryExample(rng, gap));
}
