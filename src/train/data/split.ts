/**
 * Which split a generated sequence belongs to, decided by the sequence itself: a hash of its
 * exact tokens puts 1 in 10 in the held-out test split, 1 in 10 in the validation split and the
 * rest in the training split. Every generator draws until it gets a sequence of the split it is
 * building, so training, validation and held-out test data can never share a sequence, whatever
 * the seeds, sizes or number of epochs (the memory task draws fresh training data every epoch).
 */
import { hashString } from '../../engine';

export type Role = 'train' | 'validation' | 'test';

/** The exact token sequence as one string: what "the same sentence" means for disjointness. */
export const sequenceKey = (tokens: readonly string[]): string => tokens.join(' ');

/** The split a sequence belongs to (murmur3's finaliser over FNV-1a, so near-identical sentences scatter). */
export function roleOf(tokens: readonly string[]): Role {
  let h = hashString(sequenceKey(tokens));
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  const r = (h >>> 0) % 10;
  return r === 0 ? 'test' : r === 1 ? 'validation' : 'train';
}

/** Draws from `draw` until one fits `accept`; throws rather than loop forever on an exhausted space. */
export function drawUntil<T>(draw: () => T, accept: (x: T) => boolean, what: string, maxTries = 100_000): T {
  for (let k = 0; k < maxTries; k++) {
    const x = draw();
    if (accept(x)) return x;
  }
  throw new Error(`no ${what} after ${maxTries} draws: the space is too small for this request`);
}
