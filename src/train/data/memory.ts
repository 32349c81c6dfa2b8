/**
 * The long-range memory task from colah's and Karpathy's essays: "I grew up in France … I speak
 * fluent French." A country comes first, then `gap` filler tokens (everyday clauses that name no
 * country or language), then "i speak fluent"; the answer is the language, read at the last step.
 * To get it right the cell must carry the country across the whole gap. Training, validation and
 * held-out sequences are kept apart by a hash of their tokens (./split.ts).
 */
import { createRng, type Rng } from '../../engine';
import { drawUntil, roleOf, sequenceKey, type Role } from './split';
import type { Example } from './types';

export const COUNTRIES = ['france', 'germany', 'spain', 'italy', 'china', 'japan'] as const;
export const LANGUAGES = ['french', 'german', 'spanish', 'italian', 'chinese', 'japanese'] as const;
export const MEMORY_GAPS = [5, 10, 20, 30, 40] as const;

const OPENERS = [
  ['i', 'grew', 'up', 'in'],
  ['i', 'was', 'born', 'in'],
];
/** Twelve fixed clauses (the app's example sentences use them) … */
export const FIXED_FILLER = [
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
/**
 * … and clauses built from parts, "[when] who did what [where]" ("on sundays my uncle fixed the
 * old car by the lake"), so that even a 5-word gap has thousands of different fillers and the
 * held-out and validation splits (./split.ts) hold many distinct sequences at every gap.
 */
export const FILLER_WHEN = ['every morning', 'on sundays', 'in the summer', 'at night', 'most evenings', 'after work', 'once a week', 'in the winter'].map((s) => s.split(' '));
export const FILLER_WHO = ['i', 'we', 'my father', 'my mother', 'my brother', 'my sister', 'my friends', 'our neighbours', 'my uncle', 'my grandmother'].map((s) => s.split(' '));
export const FILLER_DID = [
  'walked to the park',
  'played cards',
  'read the paper',
  'drank tea',
  'cooked a big dinner',
  'painted the fence',
  'fixed the old car',
  'fed the cats',
  'wrote long letters',
  'went to the market',
  'planted flowers',
  'watched the rain',
  'rode a bike',
  'sang old songs',
  'baked bread',
  'cleaned the kitchen',
].map((s) => s.split(' '));
export const FILLER_WHERE = ['near the river', 'in the garden', 'by the lake', 'on the old bridge', 'in a small town', 'at the station'].map((s) => s.split(' '));

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

function fillerClause(rng: Rng): string[] {
  if (rng.next() < 0.25) return pick(rng, FIXED_FILLER).slice();
  return [...(rng.next() < 0.5 ? pick(rng, FILLER_WHEN) : []), ...pick(rng, FILLER_WHO), ...pick(rng, FILLER_DID), ...(rng.next() < 0.5 ? pick(rng, FILLER_WHERE) : [])];
}

/** Exactly `gap` filler tokens: whole clauses joined by ",", the last one cut to fit. */
export function filler(rng: Rng, gap: number): string[] {
  const out: string[] = [];
  while (out.length < gap) {
    if (out.length > 0) out.push(',');
    out.push(...fillerClause(rng));
  }
  return out.slice(0, gap);
}

/** One sequence at this gap from the given split (drawn again until its hash puts it there). */
function memoryExample(rng: Rng, gap: number, role: Role = 'train'): Example {
  return drawUntil(
    () => {
      const c = rng.int(COUNTRIES.length);
      const tokens = [...pick(rng, OPENERS), COUNTRIES[c]!, '.', ...filler(rng, gap), '.', 'i', 'speak', 'fluent'];
      return { tokens, label: c, gap };
    },
    (e) => roleOf(e.tokens) === role,
    `${role} sequence at gap ${gap}`,
  );
}

/** Training sequences, gaps drawn uniformly from [minGap, maxGap]. */
export function memoryExamples(n: number, seed: number, minGap: number, maxGap: number): Example[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => memoryExample(rng, minGap + rng.int(maxGap - minGap + 1), 'train'));
}

/**
 * `n` distinct held-out ('test', the default) or validation sequences at one fixed gap: never a
 * training sequence, whatever seed training used.
 */
export function memoryExamplesAtGap(n: number, seed: number, gap: number, role: Exclude<Role, 'train'> = 'test'): Example[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: Example[] = [];
  for (let k = 0; k < n; k++) {
    const e = drawUntil(
      () => memoryExample(rng, gap, role),
      (x) => !seen.has(sequenceKey(x.tokens)),
      `new ${role} sequence at gap ${gap}`,
      10_000,
    );
    seen.add(sequenceKey(e.tokens));
    out.push(e);
  }
  return out;
}
