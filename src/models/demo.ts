/**
 * Untrained demo models, one per cell kind, until trained ones are picked. Small enough to read
 * every number (embedding 8, hidden 6). The embedding is hashed, so any word (or emoji, or
 * character) gets a vector, and it is the same for every kind: switching the cell type changes
 * only the cell. The screen labels these models "untrained".
 */
import { createRng, kindOf, randomParams, type CellKind, type Model } from '../engine';

const DEMO_EMBED_DIM = 8;
const DEMO_HIDDEN = 6;
const EMBED_SEED = 0x6a7e;
/** One seed per kind so each demo cell is fixed across sessions and machines: 10 + the kind's seed offset (RNN 11 … coupled 15). */
const cellSeed = (kind: CellKind) => 10 + kindOf(kind).seedOffset;

function demoModelId(kind: CellKind): string {
  return `demo-${kind}`;
}

export function demoModel(kind: CellKind): Model {
  const rng = createRng(cellSeed(kind));
  const cell = randomParams(kind, DEMO_EMBED_DIM, DEMO_HIDDEN, rng, { scale: 0.8 });
  return {
    id: demoModelId(kind),
    task: 'demo',
    trained: false,
    embedding: { kind: 'hashed', dim: DEMO_EMBED_DIM, seed: EMBED_SEED },
    cell,
    head: null,
    tokenizer: 'words',
  };
}
