/**
 * The trainable network is a Model with a table embedding and a head: the same object the app
 * runs, so what is trained is exactly what is shown. Its parameters are the live Float64Arrays
 * inside it; `modelParams` lists them in a fixed order and `modelGrads` mirrors that order.
 */
import {
  createRng,
  gradArrays,
  matrix,
  paramArrays,
  randomParams,
  zeroGrads,
  type CellGrads,
  type CellKind,
  type Matrix,
  type Model,
  type ScalarEmbedding,
  type ModelTask,
  type NamedArray,
  type StartId,
  startOf,
  type TableEmbedding,
  type Vec,
} from '../engine';
import { kindOf, UNK } from '../engine';

interface NetworkSpec {
  readonly id: string;
  readonly task: ModelTask;
  readonly kind: CellKind;
  readonly vocab: readonly string[];
  readonly embedDim: number;
  readonly hidden: number;
  readonly headKind: 'sigmoid' | 'softmax';
  readonly labels: readonly string[];
  readonly seed: number;
  /** How the app splits typed text for this model (default: words). */
  readonly tokenizer?: Model['tokenizer'];
  /** Recurrent layers, stacked (default 1); each above the first reads the h below. */
  readonly layers?: number;
  /**
   * How the cells start (the kind's KindStart `id`, drawing from its own stream `seed`; chrono's
   * longest time scale `tMax`), instead of the forget bias 1 the shipped models start from.
   */
  readonly start?: { readonly id: StartId; readonly seed: number; readonly tMax: number };
}

export type TrainableModel = Model & { readonly embedding: TableEmbedding; readonly head: NonNullable<Model['head']> };
/** A time-series model: the input is the number itself (nothing to learn there), a linear head. */
export type ScalarModel = Model & { readonly embedding: ScalarEmbedding; readonly head: NonNullable<Model['head']> };
/** What the optimiser can train: either; a scalar model's embedding is an empty parameter. */
export type AnyTrainable = TrainableModel | ScalarModel;
const NO_TABLE = new Float64Array(0);

/** Gradients of every parameter of a TrainableModel. */
export interface ModelGrads {
  readonly cell: CellGrads;
  /** The layers above the first of a stack (empty for one layer), bottom up, as Model.above. */
  readonly above: readonly CellGrads[];
  /** [vocab][dim], dense: the vocabularies here are small. */
  readonly table: Matrix;
  readonly headW: Matrix;
  readonly headB: Vec;
}

/** Vocabulary with `<unk>` at row 0, then the words in first-seen order. */
export function buildVocab(sentences: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>([UNK]);
  for (const s of sentences) for (const w of s) seen.add(w.toLowerCase());
  return [...seen];
}

export function initNetwork(spec: NetworkSpec): TrainableModel {
  const rng = createRng(spec.seed);
  const { embedDim: E, hidden: H } = spec;
  const V = spec.vocab.length;
  const table = matrix(
    V,
    E,
    Array.from({ length: V * E }, () => rng.normal() * 0.5),
  );
  const start = spec.start ? { spec: startOf(spec.kind, spec.start.id), ctx: { rng: createRng(spec.start.seed), tMax: spec.start.tMax } } : null;
  const opts = start?.spec.activation ? { activation: start.spec.activation } : {};
  const cell = randomParams(spec.kind, E, H, rng, opts);
  const above = Array.from({ length: (spec.layers ?? 1) - 1 }, () => randomParams(spec.kind, H, H, rng, opts));
  for (const c of [cell, ...above]) {
    if (start) start.spec.apply(c, start.ctx);
    // Otherwise start by remembering (the kind's module says how), so long-range gradients survive the first updates.
    else kindOf(c.kind).startRemembering(c);
  }
  const outputs = spec.headKind === 'sigmoid' ? 1 : spec.labels.length;
  const s = 1 / Math.sqrt(H);
  return {
    id: spec.id,
    task: spec.task,
    trained: true,
    embedding: { kind: 'table', dim: E, vocab: spec.vocab, table, unk: spec.vocab.indexOf(UNK), lowercase: true },
    cell,
    ...(above.length ? { above } : {}),
    head: {
      kind: spec.headKind,
      labels: spec.labels,
      W: matrix(
        outputs,
        H,
        Array.from({ length: outputs * H }, () => rng.uniform(-s, s)),
      ),
      b: new Float64Array(outputs),
    },
    tokenizer: spec.tokenizer ?? 'words',
  };
}

export function zeroModelGrads(m: AnyTrainable): ModelGrads {
  return {
    cell: zeroGrads(m.cell),
    above: (m.above ?? []).map((c) => zeroGrads(c)),
    table: m.embedding.kind === 'table' ? matrix(m.embedding.table.rows, m.embedding.table.cols) : matrix(0, 0),
    headW: matrix(m.head.W.rows, m.head.W.cols),
    headB: new Float64Array(m.head.b.length),
  };
}

export function modelParams(m: AnyTrainable): NamedArray[] {
  return [
    ...paramArrays(m.cell).map((p) => ({ name: `cell.${p.name}`, data: p.data })),
    ...(m.above ?? []).flatMap((c, l) => paramArrays(c).map((p) => ({ name: `layer${l + 2}.${p.name}`, data: p.data }))),
    { name: 'embedding', data: m.embedding.kind === 'table' ? m.embedding.table.data : NO_TABLE },
    { name: 'head.W', data: m.head.W.data },
    { name: 'head.b', data: m.head.b },
  ];
}

/** Same names and order as modelParams. */
export function modelGrads(g: ModelGrads): NamedArray[] {
  return [
    ...gradArrays(g.cell).map((p) => ({ name: `cell.${p.name}`, data: p.data })),
    ...g.above.flatMap((c, l) => gradArrays(c).map((p) => ({ name: `layer${l + 2}.${p.name}`, data: p.data }))),
    { name: 'embedding', data: g.table.data },
    { name: 'head.W', data: g.headW.data },
    { name: 'head.b', data: g.headB },
  ];
}

/** Row index of each token (lowercased), `<unk>` for words outside the vocabulary. */
export function tokenIds(e: TableEmbedding, tokens: readonly string[]): number[] {
  return tokens.map((t) => {
    const k = e.vocab.indexOf(e.lowercase ? t.toLowerCase() : t);
    return k < 0 ? e.unk : k;
  });
}
