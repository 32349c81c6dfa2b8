/**
 * Model → JSON file in a framework layout: what an export script from PyTorch, Keras or ONNX
 * would write. Used to make the example file and by the round-trip tests; the weights are the
 * exporters' (src/engine/importers/export.ts), not re-derived here, so a test that parses this
 * output checks importer against exporter.
 */
import type { Matrix, Model } from '../engine';
import { toKeras, toOnnx, toPytorch } from '../engine/importers';
import { toModelFile } from './write-format';
import type { ModelMeta } from './format';
import type { FrameworkLayout } from './layouts';

const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
const transpose = (m: Matrix) => Array.from({ length: m.cols }, (_, c) => Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + c]!));

/** `round` (e.g. round6) keeps example files small; the tests pass none, to compare exactly. */
export function toFrameworkModelFile(
  m: Model,
  layout: FrameworkLayout,
  meta: Partial<ModelMeta> = {},
  round: (x: number) => number = (x) => x,
): Record<string, unknown> {
  if (m.embedding.kind !== 'table' || !m.head) throw new Error('toFrameworkModelFile: needs a table embedding and a head');
  const base = toModelFile(m, meta);
  const e = m.embedding;
  const deep = <T>(v: T): T => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? round(x) : x))) as T;
  const p = m.cell;
  const cellBase = { kind: p.kind, layout };
  let cell: Record<string, unknown>;
  let embedding: Record<string, unknown>;
  let head: Record<string, unknown>;
  switch (layout) {
    case 'pytorch': {
      cell = { ...cellBase, weights: toPytorch(p), config: { num_layers: 1, bidirectional: false, ...(p.kind === 'rnn' ? { nonlinearity: 'tanh' } : {}) } };
      embedding = { vocab: e.vocab, weight: rows(e.table), unk: e.unk, lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, weight: rows(m.head.W), bias: Array.from(m.head.b) };
      break;
    }
    case 'keras': {
      const k = toKeras(p);
      const config: Record<string, unknown> = { units: p.hiddenSize, activation: 'tanh' };
      if (p.kind !== 'rnn') config.recurrent_activation = k.opts.gateActivation === 'hardSigmoid' ? 'hardSigmoid' : 'sigmoid';
      if (p.kind === 'gru') config.reset_after = k.opts.reset_after;
      cell = { ...cellBase, weights: k.tensors, config };
      // Keras tokenizers give { word: index }; the file takes that form as it is.
      embedding = { vocab: Object.fromEntries(e.vocab.map((w, i) => [w, i])), embeddings: rows(e.table), lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, kernel: transpose(m.head.W), bias: Array.from(m.head.b) };
      break;
    }
    case 'onnx': {
      const o = toOnnx(p);
      cell = { ...cellBase, weights: o.tensors, config: { ...o.opts, hidden_size: p.hiddenSize, direction: 'forward' } };
      embedding = { vocab: e.vocab, dim: e.dim, table: rows(e.table), unk: e.unk, lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, W: rows(m.head.W), b: Array.from(m.head.b) };
      break;
    }
  }
  return { ...base, cell: deep(cell), embedding: deep(embedding), head: deep(head) };
}
