/**
 * Model → JSON file (the inverse of readModelFile), weights rounded to 6 significant digits:
 * the files stay small and readable, and 6 digits change outputs by ~1e-6, far below what the
 * screen shows (3 decimals).
 */
import type { Affine, Matrix, Model, Vec } from '../engine';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelMeta } from './format';

export const round6 = (x: number) => Number(x.toPrecision(6));
const vec = (v: Vec) => Array.from(v, round6);
const mat = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => vec(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
const affine = (a: Affine) => ({ W: mat(a.W), U: mat(a.U), bW: vec(a.bW), bU: vec(a.bU) });

function weights(m: Model): Record<string, unknown> {
  const c = m.cell;
  switch (c.kind) {
    case 'rnn':
      return { a: affine(c.a) };
    case 'gru':
      return { z: affine(c.gates.z), r: affine(c.gates.r), n: affine(c.gates.n) };
    default: {
      const g = { i: affine(c.gates.i), f: affine(c.gates.f), g: affine(c.gates.g), o: affine(c.gates.o) };
      return c.kind === 'peephole' ? { ...g, p_i: vec(c.peep.i), p_f: vec(c.peep.f), p_o: vec(c.peep.o) } : g;
    }
  }
}

export function toModelFile(m: Model, meta: Partial<ModelMeta> = {}): Record<string, unknown> {
  if (m.embedding.kind !== 'table') throw new Error('toModelFile: only table embeddings are written');
  if (!m.head) throw new Error('toModelFile: the model has no head');
  const c = m.cell;
  const e = m.embedding;
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    id: m.id,
    task: m.task,
    tokenizer: m.tokenizer,
    cell: {
      kind: c.kind,
      inputSize: c.inputSize,
      hiddenSize: c.hiddenSize,
      ...(c.kind !== 'rnn' ? { gateActivation: c.gateActivation } : {}),
      ...(c.kind === 'gru' ? { reset: c.reset } : {}),
      ...(c.kind === 'coupled' ? { coupling: c.coupling } : {}),
      layout: 'canonical',
      weights: weights(m),
    },
    embedding: { vocab: e.vocab, dim: e.dim, table: mat(e.table), unk: e.unk, lowercase: e.lowercase },
    head: { kind: m.head.kind, labels: m.head.labels, W: mat(m.head.W), b: vec(m.head.b) },
    ...(meta.labelsZh ? { labelsZh: meta.labelsZh } : {}),
    ...(meta.caption ? { caption: meta.caption } : {}),
    ...(meta.presets && meta.presets.length ? { presets: meta.presets } : {}),
    ...(meta.report ? { report: meta.report } : {}),
  };
}
