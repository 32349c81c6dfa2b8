/**
 * The Gatescope model file: one JSON document, readable by people and by any language.
 *
 * {
 *   "format": "gatescope-model", "version": 1,
 *   "id": "sentiment-lstm", "task": "sentiment" | "sentiment-zh" | "memory" | "charlm" | "charlm-zh" | "chars" | "wave" | "series" | "custom" | "demo",
 *   "tokenizer": "words" | "chars" | "numbers",
 *   "cell": {
 *     "kind": a registered kind (ALL_KINDS: rnn, lstm, gru, peephole, coupled; mingru, minlstm,
 *             slstm, mlstm, which only this canonical layout holds: no framework has their layers),
 *     "inputSize": E, "hiddenSize": H,
 *     "gateActivation": "sigmoid" | "hardSigmoid",   (optional, default sigmoid; not for rnn)
 *     "reset": "after" | "before",                    (gru only, default after)
 *     "coupling": "i=1-f" | "f=1-i",                  (coupled only, default i=1-f)
 *     "forget": "exp" | "sigmoid",                    (slstm only, default exp)
 *     "activation": "tanh" | "relu",                  (rnn only, default tanh: h_t = activation(a_t))
 *     "layout": "canonical" | "pytorch" | "keras" | "onnx",
 *     (a canonical stack: "layers": [{ "inputSize", "hiddenSize", "weights" }, …] bottom first, in
 *      place of the sizes and weights; the options above are every layer's)
 *       (framework layouts: weights and config as the framework names them, sizes read off the
 *        tensors; see src/models/layouts.ts and the README's "Framework layouts")
 *     "weights": {
 *       per gate (rnn: a; lstm/peephole/coupled: i, f, g, o; gru: z, r, n):
 *         { "W": [H][E], "U": [H][H], "bW": [H], "bU": [H] }
 *       pre_gate = W x + bW + U h + bU. A coupled cell's derived gate is stored but unused.
 *       peephole only: "p_i": [H], "p_f": [H], "p_o": [H]
 *       today's kinds, one bias per map and a U only where h_{t-1} is read:
 *         mingru z, h; minlstm f, i, h: { "W": [H][E], "b": [H] }
 *         slstm i, f, z, o: { "W": [H][E], "U": [H][H], "b": [H] }
 *         mlstm q, k, v, o: { "W": [H][E], "b": [H] };  i, f (one scalar gate each): { "w": [E], "b": number }
 *       (each kind's module lists its tensors: KindSpec.weights)
 *     }
 *   },
 *   "embedding": { "vocab": [V words, one of them "<unk>"] or { word: index }, "dim": E, "table": [V][E]
 *                  (or "weight" [V][E] as PyTorch, "embeddings" [V][E] as Keras; then dim and unk optional),
 *                  "unk": index of "<unk>", "lowercase": true|false },
 *   (a time series: "embedding": { "kind": "scalar", "dim": 1 }, x_t is the number itself; with
 *    "tokenizer": "numbers" and cell.inputSize 1)
 *   "head": { "kind": "sigmoid" | "softmax" | "linear", "labels": [...], "W": [outputs][H], "b": [outputs] }
 *           (or "weight" [outputs][H] + "bias" as nn.Linear, "kernel" [H][outputs] + "bias" as Dense)
 *           (sigmoid: one output, labels [negative, positive]; softmax: one output per label;
 *            linear: one output, the predicted next value, labels [its name]),
 *   optional: "labelsZh": [...], "caption": {"en", "zh"}, "presets": [sentences], "report": {...}, "series" (seriesMeta.ts)
 * }
 * parseModelFile checks every field and throws a ModelFileError naming the path of what is
 * wrong (a missing field, a shape with expected vs found, an unknown kind, a non-finite value).
 */
import {
  ALL_KINDS,
  UNK,
  MAX_LAYERS,
  stackMismatch,
  matrix,
  type CellKind,
  type CellParams,
  type GateActivation,
  type Head,
  type Model,
  type ModelTask,
  type ScalarEmbedding,
  type StateActivation,
  type Variant,
  VARIANT_VALUES,
  kindOf,
  type TableEmbedding,
  type WeightTensor,
} from '../engine';
import { ModelFileError } from './errors';
import { describe, field, mat, num, obj, oneOf, positiveInt, shown, str, vec, type Json } from './jsonFields';
import { frameworkCell } from './layouts';
import { TOKENIZERS } from '../text/tokenize';
import { parseSeriesMeta, type SeriesMeta } from './seriesMeta';

export const MODEL_FORMAT = 'gatescope-model';
export const MODEL_FORMAT_VERSION = 1;
const LAYOUTS = ['canonical', 'pytorch', 'keras', 'onnx'] as const;
type Layout = (typeof LAYOUTS)[number];
const TASKS: readonly ModelTask[] = ['demo', 'sentiment', 'sentiment-zh', 'memory', 'charlm', 'charlm-zh', 'chars', 'wave', 'series', 'translate', 'custom'];

/** What the app shows around a model: written by the training script, optional for your own. */
export interface ModelMeta {
  readonly caption: { readonly en: string; readonly zh: string } | null;
  readonly presets: readonly string[];
  readonly labelsZh: readonly string[] | null;
  readonly report: Readonly<Record<string, unknown>> | null;
  readonly series?: SeriesMeta; // a real series the model was trained on (seriesMeta.ts)
}

/** Reads the weight at the tensor's dotted path under `path` (cell.weights.f.W) into its storage, checking its shape. */
function readWeight(w: Record<string, Json>, t: WeightTensor, path: string): void {
  const keys = t.path.split('.');
  let o = w;
  let at = path;
  for (const key of keys.slice(0, -1)) {
    o = obj(field(o, key, at), `${at}.${key}`);
    at = `${at}.${key}`;
  }
  const last = keys[keys.length - 1]!;
  const v = field(o, last, at);
  const [rows, cols] = t.shape;
  if (rows !== undefined && cols !== undefined) t.data.set(mat(v, rows, cols, `${at}.${last}`).data);
  else if (rows !== undefined) t.data.set(vec(v, rows, `${at}.${last}`));
  else t.data[0] = num(v, `${at}.${last}`);
}

/** cell.activation: the state's nonlinearity, among those the kind offers (absent: its default). */
function stateActivation(c: Record<string, Json>, kind: CellKind): StateActivation | undefined {
  if (c.activation === undefined) return undefined;
  return oneOf(c.activation, kindOf(kind).stateActivations, 'cell.activation', `${kind} activation`);
}

/**
 * What a canonical file means when it leaves a kind's variant unsaid: a GRU is reset-after, and a
 * coupled cell derives i = 1 − f (colah's figure). Every saved model keeps its numbers by these.
 */
const VARIANT_DEFAULT: Readonly<Record<Variant, string>> = { reset: 'after', coupling: 'i=1-f', forget: 'exp' };
/** How a refusal names each variant's values. */
const VARIANT_NAME: Readonly<Record<Variant, string>> = { reset: 'GRU reset', coupling: 'coupling', forget: 'sLSTM forget gate' };

/** One canonical layer: the options are the cell's (one kind per stack), the weights `at`'s (cell, or cell.layers[k]). */
function canonicalCell(c: Record<string, Json>, kind: CellKind, E: number, H: number, layer: Record<string, Json> = c, at = 'cell'): CellParams {
  const w = obj(field(layer, 'weights', at), `${at}.weights`);
  const gateActivation: GateActivation = c.gateActivation === undefined ? 'sigmoid' : oneOf(c.gateActivation, ['sigmoid', 'hardSigmoid'] as const, 'cell.gateActivation', 'gate activation');
  // Checked for every kind, so that a relu on a kind whose tanh is fixed is refused, not ignored.
  const activation = stateActivation(c, kind);
  const spec = kindOf(kind);
  // A kind whose gates are fixed (today's: sigmoid and exponential gates) refuses a hard sigmoid rather than ignore it.
  if (spec.gateActivations.length > 0 && !spec.gateActivations.includes(gateActivation)) {
    throw new ModelFileError('cell.gateActivation', `a ${kind} cell's gates are fixed; expected ${spec.gateActivations.map((a) => `"${a}"`).join(' or ')}, found "${gateActivation}"`);
  }
  const v = spec.variant;
  const variant = v ? { [v]: c[v] === undefined ? VARIANT_DEFAULT[v] : oneOf(c[v], VARIANT_VALUES[v], `cell.${v}`, VARIANT_NAME[v]) } : {};
  // Every weight, in the kind's order (each gate's W, U, bW, bU, then a peephole cell's p_i, p_f, p_o).
  const params = spec.create({ inputSize: E, hiddenSize: H, gateActivation, ...variant, ...(activation ? { activation } : {}) });
  for (const t of spec.weights(params)) readWeight(w, t, `${at}.weights`);
  return params;
}

/**
 * A canonical stack, bottom first: `cell.layers: [{ inputSize, hiddenSize, weights }, …]`, the
 * options (kind, gate activation, variant) the cell's. Today's kinds have no framework layout, so
 * this is how a stack of them is kept; any kind may use it.
 */
function canonicalLayers(c: Record<string, Json>, kind: CellKind): CellParams[] {
  if (c.weights !== undefined) throw new ModelFileError('cell.layers', 'give either cell.weights (one layer) or cell.layers (a stack), not both');
  const raw = c.layers;
  if (!Array.isArray(raw) || raw.length === 0) throw new ModelFileError('cell.layers', `expected a list of layers, found ${Array.isArray(raw) ? 'an empty list' : describe(raw)}`);
  if (raw.length > MAX_LAYERS) throw new ModelFileError('cell.layers', `a stack of ${raw.length} layers; Gatescope reads 1 to ${MAX_LAYERS}`);
  const layers = raw.map((entry, k) => {
    const at = `cell.layers[${k}]`;
    const e = obj(entry, at);
    return { e, at, I: positiveInt(field(e, 'inputSize', at), `${at}.inputSize`), H: positiveInt(field(e, 'hiddenSize', at), `${at}.hiddenSize`) };
  });
  // Sizes first: a layer that does not read the h below it is named as such, not as a weight of the wrong shape.
  layers.forEach((l, k) => {
    const below = layers[k - 1];
    if (below && l.I !== below.H) throw new ModelFileError(`${l.at}.inputSize`, `is ${l.I}, but layer ${k} outputs ${below.H} (its hiddenSize): each layer reads the h of the one below`);
  });
  return layers.map((l) => canonicalCell(c, kind, l.I, l.H, l.e, l.at));
}

function parseCell(v: Json): CellParams[] {
  const c = obj(v, 'cell');
  const kind = oneOf(field(c, 'kind', 'cell'), ALL_KINDS, 'cell.kind', 'cell kind');
  const layout = oneOf(field(c, 'layout', 'cell'), LAYOUTS, 'cell.layout', 'layout');
  // ── The one switch on weight layout. ─────────────────────────────────────────────────────
  // Canonical files state their sizes; framework layouts take them from the tensors (as the
  // frameworks do), and any size or option the file also states must agree with them.
  if (layout === 'canonical') {
    if (c.layers !== undefined) return canonicalLayers(c, kind);
    const E = positiveInt(field(c, 'inputSize', 'cell'), 'cell.inputSize');
    const H = positiveInt(field(c, 'hiddenSize', 'cell'), 'cell.hiddenSize');
    return [canonicalCell(c, kind, E, H)];
  }
  const optional = <T>(key: string, read: (x: Json, path: string) => T): T | undefined => (c[key] === undefined ? undefined : read(c[key], `cell.${key}`));
  const declared = {
    kind,
    inputSize: optional('inputSize', positiveInt),
    hiddenSize: optional('hiddenSize', positiveInt),
    gateActivation: optional('gateActivation', (x, p) => oneOf(x, ['sigmoid', 'hardSigmoid'] as const, p, 'gate activation')),
    reset: optional('reset', (x, p) => oneOf(x, ['after', 'before'] as const, p, 'GRU reset')),
    coupling: optional('coupling', (x, p) => oneOf(x, ['i=1-f', 'f=1-i'] as const, p, 'coupling')),
    activation: stateActivation(c, kind),
  };
  if (c.layers === undefined) return frameworkCell(layout, declared, obj(field(c, 'weights', 'cell'), 'cell.weights'), c.config === undefined ? {} : obj(c.config, 'cell.config'));
  return frameworkLayers(layout, declared, c);
}

/**
 * A stack written one entry per layer, bottom first: `cell.layers: [{ weights, config? }, …]`
 * (an ONNX graph has one node per layer, a Keras model one layer object each). PyTorch keeps
 * its stack in one state_dict (`_l1` tensors), so it has no `layers`. Every message points into
 * the entry it is about (`cell.layers[1].weights.R`).
 */
function frameworkLayers(layout: Exclude<Layout, 'canonical'>, declared: Parameters<typeof frameworkCell>[1], c: Record<string, Json>): CellParams[] {
  if (layout === 'pytorch') throw new ModelFileError('cell.layers', "a PyTorch stack is one state_dict: put every layer's tensors (weight_ih_l1, …) in cell.weights");
  if (c.weights !== undefined) throw new ModelFileError('cell.layers', 'give either cell.weights (one layer) or cell.layers (a stack), not both');
  const raw = c.layers;
  if (!Array.isArray(raw) || raw.length === 0) throw new ModelFileError('cell.layers', `expected a list of layers, found ${Array.isArray(raw) ? 'an empty list' : describe(raw)}`);
  if (raw.length > MAX_LAYERS) throw new ModelFileError('cell.layers', `a stack of ${raw.length} layers; Gatescope reads 1 to ${MAX_LAYERS}`);
  const out: CellParams[] = [];
  raw.forEach((entry, k) => {
    const at = `cell.layers[${k}]`;
    try {
      const e = obj(entry, at);
      // Sizes declared on the cell are the bottom layer's; the ones above read the h below.
      const d = k === 0 ? declared : { ...declared, inputSize: undefined, hiddenSize: undefined };
      out.push(...frameworkCell(layout, d, obj(field(e, 'weights', at), `${at}.weights`), e.config === undefined ? {} : obj(e.config, `${at}.config`)));
    } catch (err) {
      if (err instanceof ModelFileError && err.path.startsWith('cell.') && !err.path.startsWith(at)) {
        throw new ModelFileError(`${at}${err.path.slice('cell'.length)}`, err.message.slice(err.path.length + 2));
      }
      throw err;
    }
  });
  const mismatch = stackMismatch(out);
  if (mismatch) throw new ModelFileError('cell.layers', mismatch);
  return out;
}

/** Exactly one of `keys` (the canonical name first, then the frameworks'): which one is present. */
function oneKey(o: Record<string, Json>, keys: readonly string[], path: string): string {
  const present = keys.filter((k) => o[k] !== undefined);
  if (present.length === 0)
    throw new ModelFileError(
      `${path}.${keys[0]}`,
      `missing (or ${keys
        .slice(1)
        .map((k) => `"${k}"`)
        .join(' / ')})`,
    );
  if (present.length > 1) throw new ModelFileError(path, `has both "${present[0]}" and "${present[1]}"; give one`);
  return present[0]!;
}

/** vocab as a list (index → word) or as Keras/PyTorch-style { word: index } covering 0…rows-1. */
function parseVocab(raw: Json, rows: number): string[] {
  const P = 'embedding.vocab';
  if (Array.isArray(raw)) {
    if (raw.length === 0) throw new ModelFileError(P, 'expected a non-empty array of words, found an empty array');
    return raw.map((w, k) => str(w, `${P}[${k}]`));
  }
  if (typeof raw !== 'object' || raw === null) throw new ModelFileError(P, `expected an array of words or a { word: index } object, found ${describe(raw)}`);
  // Indices no word claims (Keras reserves 0 for padding) get a name no tokenizer produces.
  const out: (string | undefined)[] = new Array<string | undefined>(rows).fill(undefined);
  for (const [w, k] of Object.entries(raw)) {
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= rows) {
      throw new ModelFileError(`${P}.${w}`, `expected an index into the embedding's ${rows} rows (0…${rows - 1}), found ${shown(k)}`);
    }
    if (out[k] !== undefined) throw new ModelFileError(`${P}.${w}`, `index ${k} is already "${out[k]}"`);
    out[k] = w;
  }
  return out.map((w, k) => w ?? `<unused ${k}>`);
}

function parseEmbedding(v: Json, E: number, tokenizer: Model['tokenizer']): TableEmbedding | ScalarEmbedding {
  const e = obj(v, 'embedding');
  if (e.kind === 'scalar' || tokenizer === 'numbers') {
    // A time series: both or neither, so a word model never reads numbers nor the reverse.
    if (e.kind !== 'scalar') throw new ModelFileError('embedding.kind', `a "numbers" tokenizer needs "kind": "scalar" (x_t is the number), found ${shown(e.kind)}`);
    if (tokenizer !== 'numbers') throw new ModelFileError('tokenizer', `a scalar embedding reads numbers: expected "numbers", found "${tokenizer}"`);
    if (e.dim !== 1) throw new ModelFileError('embedding.dim', `a scalar embedding has dim 1, found ${shown(e.dim)}`);
    if (E !== 1) throw new ModelFileError('cell.inputSize', `a scalar embedding gives one input: expected 1, found ${E}`);
    return { kind: 'scalar', dim: 1 };
  }
  if (e.kind !== undefined && e.kind !== 'table') throw new ModelFileError('embedding.kind', `expected "table" or "scalar" (or none), found ${shown(e.kind)}`);
  // table: canonical; weight: PyTorch nn.Embedding's state_dict; embeddings: Keras Embedding.
  const tKey = oneKey(e, ['table', 'weight', 'embeddings'], 'embedding');
  const tPath = `embedding.${tKey}`;
  const tableRaw = e[tKey];
  const vocabRaw = field(e, 'vocab', 'embedding');
  if (!Array.isArray(tableRaw)) throw new ModelFileError(tPath, `expected [words][${E}] nested arrays, found ${describe(tableRaw)}`);
  const vocab = parseVocab(vocabRaw, tableRaw.length);
  // Sets, not indexOf: a vocabulary has thousands of words, and these checks run on every load.
  const words = new Set<string>();
  for (const w of vocab) {
    if (words.has(w)) throw new ModelFileError('embedding.vocab', `"${w}" appears more than once`);
    words.add(w);
  }
  if (tKey === 'table' || e.dim !== undefined) {
    const dim = positiveInt(field(e, 'dim', 'embedding'), 'embedding.dim');
    if (dim !== E) throw new ModelFileError('embedding.dim', `is ${dim} but cell.inputSize is ${E}; they must match`);
  }
  const unkRaw = tKey === 'table' ? field(e, 'unk', 'embedding') : (e.unk ?? vocab.indexOf(UNK));
  if (unkRaw === -1) {
    // Two ways to get here: the token has another name, or a cut to the most frequent words left it out.
    throw new ModelFileError(
      'embedding.vocab',
      `has no "${UNK}" among its ${vocab.length} words; unknown words need a row. If your out-of-vocabulary token has another name (e.g. "[UNK]"), rename it "${UNK}"; if the vocabulary was cut to its most frequent words (export_pytorch's max_words), keep "${UNK}" among them`,
    );
  }
  const unk = unkRaw;
  if (typeof unk !== 'number' || !Number.isInteger(unk) || unk < 0 || unk >= vocab.length) {
    throw new ModelFileError('embedding.unk', `expected an index into vocab (0…${vocab.length - 1}), found ${shown(unk)}`);
  }
  if (vocab[unk] !== UNK) throw new ModelFileError('embedding.unk', `vocab[${unk}] is "${vocab[unk]}", expected "${UNK}"`);
  const lowercase = field(e, 'lowercase', 'embedding');
  if (typeof lowercase !== 'boolean') throw new ModelFileError('embedding.lowercase', `expected true or false, found ${describe(lowercase)}`);
  if (lowercase) {
    // The text is lowercased before lookup, so such a word could never be found: its row would
    // silently never be used. Special tokens (<START>, [PAD]) are never typed anyway.
    const k = vocab.findIndex((w) => w !== w.toLowerCase() && !/^[<[].*[>\]]$/.test(w) && !words.has(w.toLowerCase()));
    if (k >= 0) {
      throw new ModelFileError(
        `embedding.vocab[${k}]`,
        `“${vocab[k]!.slice(0, 40)}” has capitals, but embedding.lowercase is true: the text is lowercased before lookup, so this word could never be found. Lowercase the vocabulary, or set lowercase to false`,
      );
    }
  }
  if (tableRaw.length !== vocab.length) {
    throw new ModelFileError(tPath, `has ${tableRaw.length} rows but vocab has ${vocab.length} words; one row per word`);
  }
  const w0: Json = tableRaw[0];
  if (tKey !== 'table' && Array.isArray(w0) && w0.length !== E) {
    throw new ModelFileError(tPath, `expected shape [${vocab.length}][${E}] (words × cell.inputSize), found [${tableRaw.length}][${w0.length}]`);
  }
  return { kind: 'table', dim: E, vocab, table: mat(tableRaw, vocab.length, E, tPath), unk, lowercase };
}

function parseHead(v: Json, H: number): Head {
  const h = obj(v, 'head');
  const kind = oneOf(field(h, 'kind', 'head'), ['sigmoid', 'softmax', 'linear'] as const, 'head.kind', 'head kind');
  const labelsRaw = field(h, 'labels', 'head');
  if (!Array.isArray(labelsRaw)) throw new ModelFileError('head.labels', `expected an array of strings, found ${describe(labelsRaw)}`);
  const labels = labelsRaw.map((l, k) => str(l, `head.labels[${k}]`));
  if (kind === 'sigmoid' && labels.length !== 2) throw new ModelFileError('head.labels', `a sigmoid head has 2 labels [negative, positive], found ${labels.length}`);
  if (kind === 'softmax' && labels.length < 2) throw new ModelFileError('head.labels', `a softmax head needs at least 2 labels, found ${labels.length}`);
  if (kind === 'linear' && labels.length !== 1) throw new ModelFileError('head.labels', `a linear head has 1 output and 1 label (what it predicts), found ${labels.length}`);
  const outputs = kind === 'softmax' ? labels.length : 1;
  // W [outputs][H] canonical; weight [outputs][H] PyTorch nn.Linear; kernel [H][outputs] Keras Dense.
  const wKey = oneKey(h, ['W', 'weight', 'kernel'], 'head');
  // The labels say how many outputs there are; when the weights have another count, say so in
  // those words, not as a bias of the wrong length.
  // Only when the other side is H: a matrix of the wrong shape is a shape error, said as such.
  const raw = h[wKey];
  const width = (r: Json) => (Array.isArray(r) ? r.length : -1);
  const rows = !Array.isArray(raw) ? -1 : wKey === 'kernel' ? (raw.length === H ? width(raw[0]) : -1) : width(raw[0]) === H ? raw.length : -1;
  if (rows > 0 && rows !== outputs) {
    const need =
      rows === 1
        ? 'a one-output head is a sigmoid head: "kind": "sigmoid" with two labels, [negative, positive]'
        : `a head with ${rows} outputs needs "kind": "softmax" and one label per output: give ${rows} labels (in Python: export_pytorch(..., labels=[${rows} names]))`;
    throw new ModelFileError('head.labels', `${labels.length} labels for a ${kind} head, but head.${wKey} has ${rows} outputs; ${need}`);
  }
  const bKey = wKey === 'W' ? 'b' : 'bias';
  const b = vec(field(h, bKey, 'head'), outputs, `head.${bKey}`);
  if (wKey !== 'kernel') return { kind, labels, W: mat(h[wKey], outputs, H, `head.${wKey}`), b };
  const K = mat(h.kernel, H, outputs, 'head.kernel');
  const W = matrix(outputs, H);
  for (let r = 0; r < H; r++) for (let o = 0; o < outputs; o++) W.data[o * H + r] = K.data[r * outputs + o]!;
  return { kind, labels, W, b };
}

function parseMeta(f: Record<string, Json>, labelCount: number): ModelMeta {
  let caption: ModelMeta['caption'] = null;
  if (f.caption !== undefined) {
    const c = obj(f.caption, 'caption');
    caption = { en: str(field(c, 'en', 'caption'), 'caption.en'), zh: str(field(c, 'zh', 'caption'), 'caption.zh') };
  }
  const strings = (v: Json, path: string) => {
    if (!Array.isArray(v)) throw new ModelFileError(path, `expected an array of strings, found ${describe(v)}`);
    return v.map((s, k) => str(s, `${path}[${k}]`));
  };
  const labelsZh = f.labelsZh === undefined ? null : strings(f.labelsZh, 'labelsZh');
  if (labelsZh && labelsZh.length !== labelCount) throw new ModelFileError('labelsZh', `expected ${labelCount} labels (as head.labels), found ${labelsZh.length}`);
  return {
    caption,
    presets: f.presets === undefined ? [] : strings(f.presets, 'presets'),
    labelsZh,
    report: f.report === undefined ? null : obj(f.report, 'report'),
    ...(f.series === undefined ? {} : { series: parseSeriesMeta(f.series) }),
  };
}

/**
 * Validates a parsed JSON model file and returns the model with what the app shows around it.
 * `headless`: the file is half of an encoder–decoder whose output is its final state (the
 * encoder), so it must have no "head", and the model's head is null.
 */
export function readModelFile(json: Json, opts: { readonly headless?: boolean } = {}): { model: Model; meta: ModelMeta } {
  const f = obj(json, 'the file');
  if (field(f, 'format', '') !== MODEL_FORMAT) throw new ModelFileError('format', `expected "${MODEL_FORMAT}", found ${shown(f.format)}`);
  if (field(f, 'version', '') !== MODEL_FORMAT_VERSION) throw new ModelFileError('version', `expected ${MODEL_FORMAT_VERSION}, found ${shown(f.version)}`);
  const id = str(field(f, 'id', ''), 'id');
  const task = oneOf(field(f, 'task', ''), TASKS, 'task', 'task');
  const tokenizer = oneOf(field(f, 'tokenizer', ''), TOKENIZERS, 'tokenizer', 'tokenizer');
  const [cell, ...above] = parseCell(field(f, 'cell', ''));
  const top = above.length ? above[above.length - 1]! : cell!;
  const embedding = parseEmbedding(field(f, 'embedding', ''), cell!.inputSize, tokenizer);
  if (opts.headless && f.head !== undefined) throw new ModelFileError('head', 'this half has no head: its final state is its output');
  // The head reads the top layer's h.
  const head = opts.headless ? null : parseHead(field(f, 'head', ''), top.hiddenSize);
  const model: Model = { id, task, trained: true, embedding, cell: cell!, ...(above.length ? { above } : {}), head, tokenizer };
  return { model, meta: parseMeta(f, head ? head.labels.length : 0) };
}

export function parseModelFile(json: Json): Model {
  return readModelFile(json).model;
}
