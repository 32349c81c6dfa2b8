/**
 * A PyTorch state_dict saved as `.safetensors` (Hugging Face's format) → a Gatescope model file
 * in the PyTorch layout, which format.ts then reads and checks like any other.
 *
 *   bytes 0–7   header length N, unsigned 64-bit little-endian
 *   bytes 8…    N bytes of JSON: { name: { dtype, shape, data_offsets: [begin, end] }, …,
 *               "__metadata__"?: { string: string } }
 *   then        the tensors' bytes, little-endian, offsets relative to the end of the header
 *
 * The layers are found by their state_dict names under any attribute name (`rnn.weight_ih_l0`,
 * `encoder.lstm.weight_ih_l0`): the one recurrent layer (its kind from weight_hh_l0's rows: 1, 3
 * or 4 blocks of H), the embedding (the one other 2-D tensor whose width is the cell's input
 * size), and the head (a `*.weight` [L][H] with its `*.bias`). What the tensors cannot say
 * comes from `__metadata__` (`nonlinearity` for an nn.RNN, `labels`) or is refused, naming it.
 * The vocabulary comes from a file dropped with it. Every error names the file and the tensor.
 */
import { KINDS, kindOf, UNK } from '../engine';
import { inUsersWords, ModelFileError, type Origins } from './errors';
import { readModelFile } from './format';

interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

const DTYPES: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2 };

/** An IEEE half-precision float from its 16 bits (also read by the .onnx reader). */
export function f16(bits: number): number {
  const s = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** Reads the tensors and the metadata; `file` names the file in every message. */
export function readSafetensors(bytes: Uint8Array, file: string): { tensors: Map<string, Tensor>; metadata: Record<string, string> } {
  const fail = (what: string) => new ModelFileError(file, what);
  if (bytes.length < 8) throw fail(`is ${bytes.length} bytes, too short for a .safetensors file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (!Number.isSafeInteger(n) || 8 + n > bytes.length) throw fail(`says its header is ${n} bytes, but the file has ${bytes.length}: not a .safetensors file, or cut short`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
  } catch {
    throw fail('has a header that is not JSON: not a .safetensors file');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw fail('has a header that is not an object');
  const start = 8 + n;
  const tensors = new Map<string, Tensor>();
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = (raw ?? {}) as Record<string, string>;
      continue;
    }
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const size = typeof t.dtype === 'string' ? DTYPES[t.dtype] : undefined;
    if (!size) throw fail(`tensor ${name}: dtype ${String(t.dtype)} is not a float type Gatescope reads (F64, F32, F16, BF16)`);
    const shape = t.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw fail(`tensor ${name}: shape is not a list of sizes`);
    const count = shape.reduce((a: number, b: number) => a * b, 1);
    const off = t.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((o) => Number.isInteger(o))) throw fail(`tensor ${name}: data_offsets is not [begin, end]`);
    const [b, e] = off as [number, number];
    if (e - b !== count * size || start + e > bytes.length || b < 0) {
      throw fail(`tensor ${name}: shape [${shape.join(', ')}] of ${t.dtype} needs ${count * size} bytes, data_offsets give ${e - b}${start + e > bytes.length ? ' (past the end of the file)' : ''}`);
    }
    const data = new Float64Array(count);
    const at = start + b;
    for (let k = 0; k < count; k++) {
      const p = at + k * size;
      data[k] =
        t.dtype === 'F64'
          ? view.getFloat64(p, true)
          : t.dtype === 'F32'
            ? view.getFloat32(p, true)
            : t.dtype === 'F16'
              ? f16(view.getUint16(p, true))
              : new Float32Array(new Uint32Array([view.getUint16(p, true) << 16]).buffer)[0]!;
    }
    tensors.set(name, { shape, data });
  }
  return { tensors, metadata };
}

/** Rows of a 2-D (or 1-D) tensor as nested arrays, as the JSON model file holds them. */
function nested(t: Tensor): number[] | number[][] {
  if (t.shape.length === 1) return Array.from(t.data);
  const [r, c] = t.shape as [number, number];
  return Array.from({ length: r }, (_, i) => Array.from(t.data.subarray(i * c, (i + 1) * c)));
}

/** A vocabulary file: one word per line (line k is index k), or JSON: a list, or { word: index }. */
export function readVocab(text: string, file: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(trimmed);
    } catch {
      throw new ModelFileError(file, 'starts like JSON but is not valid JSON');
    }
    if (Array.isArray(v) && v.every((w) => typeof w === 'string')) return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: string[] = [];
      for (const [w, i] of Object.entries(v)) {
        if (!Number.isInteger(i) || (i as number) < 0) throw new ModelFileError(file, `“${w.slice(0, 20)}” has index ${String(i)}, expected a whole number ≥ 0`);
        if (out[i as number] !== undefined) throw new ModelFileError(file, `index ${String(i)} is given twice`);
        out[i as number] = w;
      }
      // biome-ignore lint/complexity/useIndexOf: indexOf skips the holes of a sparse array; findIndex visits them.
      const hole = out.findIndex((w) => w === undefined);
      if (hole >= 0 || out.length === 0) throw new ModelFileError(file, `has no word at index ${Math.max(hole, 0)}`);
      return out;
    }
    throw new ModelFileError(file, 'expected a list of words or { word: index }');
  }
  return text.split(/\r?\n/).filter((line, k, all) => line !== '' || k < all.length - 1);
}

/**
 * The model file (PyTorch layout) for a state_dict and its vocabulary. Refuses, naming the
 * tensor, what it cannot place: two recurrent modules, a reverse direction, no embedding or two
 * candidates, a kind the rows do not give. A stack's layers are its _l0 … _l{L-1} tensors.
 */
export function stateDictToModelFile(tensors: Map<string, Tensor>, metadata: Record<string, string>, vocab: readonly string[] | null, file: string): Record<string, unknown> {
  return convert(tensors, metadata, vocab, file, null).doc;
}

/**
 * The checked model of a state_dict, every refusal in the file's words: its name, and the tensor
 * or metadata entry at fault (`m.safetensors: metadata "nonlinearity": …`, not a field of the
 * model file made from it, which the user never saw). `vocabFile` names the vocabulary file.
 */
export function stateDictToModel(tensors: Map<string, Tensor>, metadata: Record<string, string>, vocab: readonly string[] | null, file: string, vocabFile: string | null = null) {
  const { doc, origins } = convert(tensors, metadata, vocab, file, vocabFile);
  try {
    return readModelFile(doc);
  } catch (e) {
    throw inUsersWords(e, file, origins);
  }
}

function convert(
  tensors: Map<string, Tensor>,
  metadata: Record<string, string>,
  vocab: readonly string[] | null,
  file: string,
  vocabFile: string | null,
): { doc: Record<string, unknown>; origins: Origins } {
  const fail = (what: string) => new ModelFileError(file, what);
  const layers = [...tensors.keys()].filter((k) => k.endsWith('weight_hh_l0')).map((k) => k.slice(0, -'weight_hh_l0'.length));
  if (layers.length === 0) throw fail('has no recurrent layer: expected a tensor named …weight_hh_l0 (nn.RNN, nn.LSTM or nn.GRU)');
  if (layers.length > 1) throw fail(`has ${layers.length} recurrent layers (${layers.map((p) => `${p}weight_hh_l0`).join(', ')}); Gatescope reads one`);
  const pre = layers[0]!;
  const get = (name: string) => tensors.get(pre + name);
  const reverse = [...tensors.keys()].find((k) => k.startsWith(pre) && /_reverse$/.test(k));
  if (reverse) throw fail(`tensor ${reverse}: a reverse direction; Gatescope runs forward layers only`);
  // A stack: layer k's tensors end in _l{k} (PyTorch's num_layers).
  const layerOf = (k: string) => Number(/_l(\d+)$/.exec(k)?.[1] ?? -1);
  const L = 1 + Math.max(0, ...[...tensors.keys()].filter((k) => k.startsWith(pre) && /^(weight|bias)_(ih|hh)_l\d+$/.test(k.slice(pre.length))).map(layerOf));
  const hh = get('weight_hh_l0')!;
  const ih = get('weight_ih_l0');
  if (!ih) throw fail(`has ${pre}weight_hh_l0 but no ${pre}weight_ih_l0`);
  if (hh.shape.length !== 2 || ih.shape.length !== 2) throw fail(`tensor ${pre}weight_hh_l0 is [${hh.shape.join(', ')}] and ${pre}weight_ih_l0 [${ih.shape.join(', ')}]: expected 2-D`);
  const H = hh.shape[1]!;
  const G = hh.shape[0]! / H;
  // The PyTorch module is told by its number of gate blocks (its kind's PyTorch layout).
  const kind = KINDS.find((k) => k.layouts.pytorch?.order.length === G)?.id ?? null;
  if (!kind) throw fail(`tensor ${pre}weight_hh_l0 is [${hh.shape.join(', ')}]: its rows are not 1, 3 or 4 blocks of H = ${H} (nn.RNN, nn.GRU, nn.LSTM)`);
  const I = ih.shape[1]!;
  const config: Record<string, unknown> = { num_layers: L, bidirectional: false };
  // A module with a nonlinearity to choose (nn.RNN): its tensors do not say which.
  if (kindOf(kind).stateActivations.length > 1) {
    if (!metadata.nonlinearity)
      throw fail(
        `an nn.RNN (${pre}weight_hh_l0 is [${H}, ${H}]) must say its nonlinearity in the metadata: save_file(state_dict, path, metadata={"nonlinearity": rnn.nonlinearity}) ("tanh" or "relu"); both have the same tensors`,
      );
    config.nonlinearity = metadata.nonlinearity;
  }
  const weights: Record<string, unknown> = {};
  for (let l = 0; l < L; l++) {
    for (const k of [`weight_ih_l${l}`, `weight_hh_l${l}`, `bias_ih_l${l}`, `bias_hh_l${l}`]) {
      const t = get(k);
      if (t) weights[k] = nested(t);
    }
  }
  // The head reads the top layer's h; format.ts checks each layer's shapes against the one below.
  const Htop = get(`weight_hh_l${L - 1}`)?.shape[1] ?? H;
  const rest = [...tensors.entries()].filter(([k]) => !k.startsWith(pre) || !/(weight|bias)_(ih|hh)_l\d+$/.test(k));
  const embeds = rest.filter(([k, t]) => k.endsWith('weight') && t.shape.length === 2 && t.shape[1] === I && !(t.shape[1] === H && tensors.has(k.replace(/weight$/, 'bias'))));
  if (embeds.length === 0) throw fail(`has no embedding: expected a …weight tensor [words, ${I}] (nn.Embedding) beside ${pre}weight_ih_l0 [${ih.shape.join(', ')}]`);
  if (embeds.length > 1) throw fail(`has ${embeds.length} tensors that could be the embedding (${embeds.map(([k, t]) => `${k} [${t.shape.join(', ')}]`).join(', ')}); keep one in the file`);
  const [embName, emb] = embeds[0]!;
  const V = emb.shape[0]!;
  if (!vocab) throw fail(`holds no vocabulary: drop the vocabulary file (one word per line, or JSON) together with it; the embedding ${embName} has ${V} rows`);
  if (vocab.length !== V) throw fail(`embedding ${embName} has ${V} rows, but the vocabulary file has ${vocab.length} words`);
  if (!vocab.includes(UNK)) throw fail(`the vocabulary has no "${UNK}": unknown words need a row (rename your out-of-vocabulary token to "${UNK}")`);
  const heads = rest.filter(([k, t]) => k !== embName && k.endsWith('weight') && t.shape.length === 2 && t.shape[1] === Htop);
  if (heads.length > 1) throw fail(`has ${heads.length} tensors that could be the head (${heads.map(([k]) => k).join(', ')}); keep one`);
  if (heads.length === 0) throw fail(`has no head: expected a …weight tensor [outputs, ${Htop}] (nn.Linear on the top layer's h) and its …bias`);
  let head: Record<string, unknown>;
  let headNames: [string, string | null] = ['', null];
  {
    const [hName, W] = heads[0]!;
    const L = W.shape[0]!;
    const b = tensors.get(hName.replace(/weight$/, 'bias'));
    let labels: unknown = null;
    if (metadata.labels !== undefined) {
      try {
        labels = JSON.parse(metadata.labels);
      } catch {
        throw fail(`metadata "labels" is not JSON: give a JSON list of names, e.g. metadata={"labels": json.dumps(["negative", "positive"])}`);
      }
      // One name per output (two for a one-output head), said here with the head's tensor name.
      const want = L === 1 ? 2 : L;
      if (!Array.isArray(labels) || labels.length !== want || !labels.every((x) => typeof x === 'string'))
        throw fail(
          `metadata "labels" is ${metadata.labels.slice(0, 60)}, but the head ${hName} has ${L} output${L === 1 ? '' : 's'}: give ${L === 1 ? 'two names, [negative, positive]' : `${L} names, one per output`}`,
        );
    }
    if (!Array.isArray(labels)) labels = L === 1 ? ['0', '1'] : Array.from({ length: L }, (_, k) => `class ${k}`);
    headNames = [hName, b ? hName.replace(/weight$/, 'bias') : null];
    head = { kind: L === 1 ? 'sigmoid' : 'softmax', labels, weight: nested(W), bias: b ? Array.from(b.data) : Array.from({ length: L }, () => 0) };
  }
  // Lowercasing the text is the only way an all-lowercase vocabulary can match what is typed.
  const lowercase = vocab.every((w) => w === UNK || w === w.toLowerCase() || /^[<[].*[>\]]$/.test(w));
  const origins: Origins = [
    ['cell.weights.', `tensor ${pre}`],
    ['cell.config.nonlinearity', 'metadata "nonlinearity"'],
    ['embedding.weight', `tensor ${embName}`],
    ['embedding.vocab', vocabFile ? `the vocabulary file ${vocabFile}` : 'the vocabulary'],
    ['head.weight', `tensor ${headNames[0]}`],
    ['head.bias', headNames[1] ? `tensor ${headNames[1]}` : `the head's bias (none in the file: zeros)`],
    ['head.labels', metadata.labels !== undefined ? 'metadata "labels"' : "the head's labels (none in the metadata)"],
    ['tokenizer', 'metadata "tokenizer"'],
  ];
  const doc = {
    format: 'gatescope-model',
    version: 1,
    id: file.replace(/\.safetensors$/i, ''),
    task: 'custom',
    // The tokenizer the vocabulary was built with; format.ts refuses a name it does not know.
    tokenizer: metadata.tokenizer ?? 'words',
    cell: { kind, layout: 'pytorch', config, weights },
    embedding: { vocab: [...vocab], weight: nested(emb), lowercase },
    head,
  };
  return { doc, origins };
}

/**
 * A .safetensors file as torch's safetensors.save_file writes one (header, then the data), from
 * nested arrays: how the tests (and the browser tests) make a real file to read.
 */
export function writeSafetensors(tensors: Record<string, number[] | number[][]>, metadata: Record<string, string> = {}, dtype: 'F64' | 'F32' = 'F32'): Uint8Array {
  const size = dtype === 'F64' ? 8 : 4;
  const header: Record<string, unknown> = Object.keys(metadata).length ? { __metadata__: metadata } : {};
  const chunks: number[][] = [];
  let off = 0;
  for (const [name, v] of Object.entries(tensors)) {
    const two = Array.isArray(v[0]);
    const flat = two ? (v as number[][]).flat() : (v as number[]);
    header[name] = { dtype, shape: two ? [v.length, (v[0] as number[]).length] : [v.length], data_offsets: [off, off + flat.length * size] };
    off += flat.length * size;
    chunks.push(flat);
  }
  const h = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + off);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  let p = 8 + h.length;
  for (const c of chunks)
    for (const x of c) {
      if (dtype === 'F64') view.setFloat64(p, x, true);
      else view.setFloat32(p, x, true);
      p += size;
    }
  return out;
}
