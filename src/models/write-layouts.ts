/**
 * Model → JSON file in a framework layout: what an export script from PyTorch, Keras or ONNX
 * would write. Used to make the example file and by the round-trip tests; the weights are the
 * exporters' (src/engine/importers/export.ts), not re-derived here, so a test that parses this
 * output checks importer against exporter.
 */
import { kindOf, stackOf, type Matrix, type Model } from '../engine';
import { toKeras, toOnnx, toPytorch } from '../engine/importers';
import { toModelFile } from './write-format';
import type { ModelMeta } from './format';
import type { FrameworkLayout } from './layouts';

const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
const transpose = (m: Matrix) => Array.from({ length: m.cols }, (_, c) => Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + c]!));

/** `round` (e.g. round6) keeps example files small; the tests pass none, to compare exactly. */
export function toFrameworkModelFile(m: Model, layout: FrameworkLayout, meta: Partial<ModelMeta> = {}, round: (x: number) => number = (x) => x): Record<string, unknown> {
  if (m.embedding.kind !== 'table' || !m.head) throw new Error('toFrameworkModelFile: needs a table embedding and a head');
  const layers = stackOf(m);
  const base = toModelFile({ ...m, above: [] }, meta); // format, id, task…; the cell is written below
  const e = m.embedding;
  const deep = <T>(v: T): T => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? round(x) : x))) as T;
  const p = m.cell;
  const cellBase = { kind: p.kind, layout };
  // A stack: PyTorch's one state_dict with _l{k} tensors; Keras and ONNX one entry per layer.
  const stacked = <T extends { tensors: object }>(one: (q: typeof p) => T, config: (q: typeof p, k: T) => object) =>
    layers.length === 1
      ? null
      : {
          layers: layers.map((q) => {
            const k = one(q);
            return { weights: k.tensors, config: config(q, k) };
          }),
        };
  let cell: Record<string, unknown>;
  let embedding: Record<string, unknown>;
  let head: Record<string, unknown>;
  switch (layout) {
    case 'pytorch': {
      const weights = Object.assign({}, ...layers.map((q, k) => Object.fromEntries(Object.entries(toPytorch(q)).map(([name, v]) => [name.replace(/_l0$/, `_l${k}`), v]))));
      cell = { ...cellBase, weights, config: { num_layers: layers.length, bidirectional: false, ...('activation' in p ? { nonlinearity: p.activation } : {}) } };
      embedding = { vocab: e.vocab, weight: rows(e.table), unk: e.unk, lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, weight: rows(m.head.W), bias: Array.from(m.head.b) };
      break;
    }
    case 'keras': {
      const kerasConfig = (q: typeof p, k: ReturnType<typeof toKeras>) => {
        const config: Record<string, unknown> = { units: q.hiddenSize, activation: k.opts.activation };
        if ('gateActivation' in q) config.recurrent_activation = k.opts.gateActivation === 'hardSigmoid' ? 'hardSigmoid' : 'sigmoid';
        if (kindOf(q.kind).variant === 'reset') config.reset_after = k.opts.reset_after;
        return config;
      };
      const k = toKeras(p);
      cell = { ...cellBase, ...(stacked(toKeras, kerasConfig) ?? { weights: k.tensors, config: kerasConfig(p, k) }) };
      // Keras tokenizers give { word: index }; the file takes that form as it is.
      embedding = { vocab: Object.fromEntries(e.vocab.map((w, i) => [w, i])), embeddings: rows(e.table), lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, kernel: transpose(m.head.W), bias: Array.from(m.head.b) };
      break;
    }
    case 'onnx': {
      const onnxConfig = (q: typeof p, o: ReturnType<typeof toOnnx>) => ({ ...o.opts, hidden_size: q.hiddenSize, direction: 'forward' });
      const o = toOnnx(p);
      cell = { ...cellBase, ...(stacked(toOnnx, onnxConfig) ?? { weights: o.tensors, config: onnxConfig(p, o) }) };
      embedding = { vocab: e.vocab, dim: e.dim, table: rows(e.table), unk: e.unk, lowercase: e.lowercase };
      head = { kind: m.head.kind, labels: m.head.labels, W: rows(m.head.W), b: Array.from(m.head.b) };
      break;
    }
  }
  return { ...base, cell: deep(cell), embedding: deep(embedding), head: deep(head) };
}
