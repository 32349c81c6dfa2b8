/**
 * Model → JSON file (the inverse of readModelFile), weights rounded to 6 significant digits:
 * the files stay small and readable, and 6 digits change outputs by ~1e-6, far below what the
 * screen shows (3 decimals).
 */
import { type CellParams, kindOf, type Matrix, type Model, type Vec } from '../engine';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelMeta } from './format';

export const round6 = (x: number) => Number(x.toPrecision(6));
/** Every digit: JSON keeps a double exactly, so the file reads back to the very same weights. */
const exact = (x: number) => x;
type Round = (x: number) => number;
const vec = (v: Vec, r: Round) => Array.from(v, r);
const mat = (m: Matrix, r: Round) => Array.from({ length: m.rows }, (_, row) => vec(m.data.subarray(row * m.cols, (row + 1) * m.cols), r));
type Tree = { [key: string]: unknown };

/** Every weight tensor at its dotted path, in the kind's order: each gate's W, U, bW, bU, then a peephole cell's p_i, p_f, p_o. */
function weights(c: CellParams, r: Round): Tree {
  const out: Tree = {};
  for (const t of kindOf(c.kind).weights(c)) {
    const keys = t.path.split('.');
    let o = out;
    for (const key of keys.slice(0, -1)) o = (o[key] ??= {}) as Tree;
    const [rows, cols] = t.shape;
    o[keys[keys.length - 1]!] = rows !== undefined && cols !== undefined ? mat({ rows, cols, data: t.data }, r) : rows !== undefined ? vec(t.data, r) : r(t.data[0]!);
  }
  return out;
}

/** `precision: 'exact'` keeps every digit (the lab's downloads); the default rounds to 6. */
export function toModelFile(m: Model, meta: Partial<ModelMeta> = {}, precision: 6 | 'exact' = 6): Record<string, unknown> {
  const r: Round = precision === 'exact' ? exact : round6;
  if (m.embedding.kind === 'hashed') throw new Error('toModelFile: a hashed (demo) embedding is not written');
  // A stack is written as canonical layers, bottom first (a framework layout, write-layouts.ts, is
  // the other way, for the kinds a framework has).
  const stack = m.above?.length ? [m.cell, ...m.above] : null;
  const c = m.cell;
  const e = m.embedding;
  const variant = kindOf(c.kind).variant;
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id: m.id,
    task: m.task,
    tokenizer: m.tokenizer,
    cell: {
      kind: c.kind,
      ...(stack ? {} : { inputSize: c.inputSize, hiddenSize: c.hiddenSize }),
      ...('gateActivation' in c ? { gateActivation: c.gateActivation } : {}),
      // Written only when not the default, so a tanh RNN's file reads as it always has.
      ...('activation' in c && c.activation !== 'tanh' ? { activation: c.activation } : {}),
      // The option the kind's frameworks disagree on (GRU reset, coupling), always written.
      ...(variant ? { [variant]: (c as unknown as Record<string, string>)[variant] } : {}),
      layout: 'canonical',
      ...(stack ? { layers: stack.map((l) => ({ inputSize: l.inputSize, hiddenSize: l.hiddenSize, weights: weights(l, r) })) } : { weights: weights(c, r) }),
    },
    embedding: e.kind === 'scalar' ? { kind: 'scalar', dim: 1 } : { vocab: e.vocab, dim: e.dim, table: mat(e.table, r), unk: e.unk, lowercase: e.lowercase },
    // A model without a head (an encoder, whose output is its final state) is written without one;
    // readModelFile reads it back only when asked for a headless half.
    ...(m.head ? { head: { kind: m.head.kind, labels: m.head.labels, W: mat(m.head.W, r), b: vec(m.head.b, r) } } : {}),
    ...(meta.labelsZh ? { labelsZh: meta.labelsZh } : {}),
    ...(meta.caption ? { caption: meta.caption } : {}),
    ...(meta.presets?.length ? { presets: meta.presets } : {}),
    ...(meta.report ? { report: meta.report } : {}),
    ...(meta.series ? { series: meta.series } : {}),
  };
}
