/**
 * A seeded random model with a table embedding over given words and a sigmoid head: the "own
 * model" the browser tests and the worst-case perf script load, at any size.
 */
import { UNK, createRng, matrix, randomParams, type CellKind, type Model } from '../engine';

export function randomTableModel(kind: CellKind, inputSize: number, hiddenSize: number, words: readonly string[], seed: number, id = `random-${kind}-${hiddenSize}`): Model {
  const rng = createRng(seed);
  const vocab = [UNK, ...new Set(words.map((w) => w.toLowerCase()))];
  return {
    id,
    task: 'custom',
    trained: true,
    embedding: {
      kind: 'table',
      dim: inputSize,
      vocab,
      table: matrix(
        vocab.length,
        inputSize,
        Array.from({ length: vocab.length * inputSize }, () => rng.uniform(-1, 1)),
      ),
      unk: 0,
      lowercase: true,
    },
    cell: randomParams(kind, inputSize, hiddenSize, rng),
    head: {
      kind: 'sigmoid',
      labels: ['negative', 'positive'],
      W: matrix(
        1,
        hiddenSize,
        Array.from({ length: hiddenSize }, () => rng.uniform(-0.3, 0.3)),
      ),
      b: new Float64Array(1),
    },
    tokenizer: 'words',
  };
}
