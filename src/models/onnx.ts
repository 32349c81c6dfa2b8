/**
 * An `.onnx` file (as `torch.onnx.export` or tf2onnx writes one) → a Gatescope model file in the
 * ONNX layout, which format.ts then reads and checks like any other.
 *
 * The protobuf is decoded in onnxProto.ts (protobufjs' Reader, onnx.proto's field numbers).
 * In the graph it finds:
 *   - the recurrent nodes (RNN, LSTM, GRU): one per layer, each reading the one below's Y
 *     through shape ops (Squeeze, Transpose, …); W, R, B, P from initializers (or Constants);
 *     the attributes as they are (format.ts refuses what the engine cannot honour);
 *   - the embedding: a Gather on a [words][E] initializer feeding the first recurrent node;
 *   - the head: MatMul + Add, or Gemm, on an initializer, reading the top node's Y (or Y_h;
 *     a stack's h[-1] is a Concat of every node's Y_h and a Gather or Slice of the last), then
 *     Sigmoid or Softmax; without either, `metadata_props` must say which (`head`), since
 *     logits and a linear output look alike;
 *   - the vocabulary: a file dropped with it, or `metadata_props` `vocab` (a JSON list).
 * Initial states must be zero (absent, or zeros that PyTorch writes as a ConstantOfShape with
 * dynamic_axes and as Expand(Constant) without): Gatescope starts every layer from zeros. Every
 * error names the file and the node or tensor; onnxToModel says format.ts's errors in those words too.
 */
import { KINDS, UNK } from '../engine';
import { inUsersWords, ModelFileError, type Origins } from './errors';
import { readModelFile } from './format';
import { decodeOnnx, nestedOf, num, tensorOf, text, type OnnxTensor, type RawAttribute, type RawNode, type RawTensor } from './onnxProto';

export { decodeOnnx, type RawModel } from './onnxProto';

const RECURRENT = ['RNN', 'LSTM', 'GRU'];
/** Ops that only move values around: a layer's Y reaches the next layer (or the head) through them. */
const SHAPE_OPS = ['Squeeze', 'Unsqueeze', 'Transpose', 'Reshape', 'Identity', 'Flatten', 'Gather', 'Slice'];

/** The model file (ONNX layout) for an .onnx graph and its vocabulary. */
export function onnxToModelFile(bytes: Uint8Array, file: string, vocabFromFile: readonly string[] | null): Record<string, unknown> {
  return convert(bytes, file, vocabFromFile, null).doc;
}

/**
 * The checked model of an .onnx graph, every refusal in the file's words: its name, and the node,
 * attribute, tensor or metadata_props entry at fault (`m.onnx: LSTM node “/rnn/LSTM_1”, its input
 * R[0][0][1]: …`), not a field of the model file made from it. `vocabFile` names the vocabulary file.
 */
export function onnxToModel(bytes: Uint8Array, file: string, vocabFromFile: readonly string[] | null, vocabFile: string | null = null) {
  const { doc, origins } = convert(bytes, file, vocabFromFile, vocabFile);
  try {
    return readModelFile(doc);
  } catch (e) {
    throw inUsersWords(e, file, origins);
  }
}

function convert(bytes: Uint8Array, file: string, vocabFromFile: readonly string[] | null, vocabFile: string | null): { doc: Record<string, unknown>; origins: Origins } {
  const fail = (what: string) => new ModelFileError(file, what);
  const m = decodeOnnx(bytes, file);
  const g = m.graph;
  if (!g?.node || g.node.length === 0) throw fail('has no graph (no nodes): not an ONNX model');
  const meta = new Map((m.metadata_props ?? []).map((p) => [p.key ?? '', p.value ?? '']));
  const nodes = g.node;
  const producer = new Map<string, RawNode>();
  for (const n of nodes) for (const o of n.output ?? []) if (o) producer.set(o, n);
  const consumers = (name: string) => nodes.filter((n) => (n.input ?? []).includes(name));
  const inits = new Map<string, RawTensor>();
  for (const t of g.initializer ?? []) if (t.name) inits.set(t.name, t);
  const nodeName = (n: RawNode) => `${n.op_type} node ${n.name ? `“${n.name}”` : `#${nodes.indexOf(n)}`}`;

  /** A tensor given by an initializer or a Constant node, or null for a computed value. */
  const constant = (name: string): OnnxTensor | null => {
    const init = inits.get(name);
    if (init) return tensorOf(init, file);
    const p = producer.get(name);
    const value = p?.op_type === 'Constant' ? p.attribute?.find((a) => a.name === 'value')?.t : undefined;
    return value ? tensorOf({ ...value, name }, file) : null;
  };
  /** Follows `name` back through shape ops to the node output it comes from. */
  const source = (name: string): { node: RawNode | null; name: string } => {
    let at = name;
    for (let hops = 0; hops < 50; hops++) {
      const p = producer.get(at);
      if (!p || !SHAPE_OPS.includes(p.op_type ?? '') || !(p.input ?? [])[0]) return { node: p ?? null, name: at };
      // A Gather on a constant table is an embedding lookup, not a shape op.
      if (p.op_type === 'Gather' && constant(p.input![0]!)) return { node: p, name: at };
      at = p.input![0]!;
    }
    return { node: null, name: at };
  };

  const layers = nodes.filter((n) => RECURRENT.includes(n.op_type ?? ''));
  if (layers.length === 0) {
    const ops = [...new Set(nodes.map((n) => n.op_type))].slice(0, 8).join(', ');
    throw fail(`has no RNN, LSTM or GRU node (its ops: ${ops}); Gatescope reads recurrent models exported with their recurrent layer as one ONNX node (torch.onnx.export does this)`);
  }
  const op = layers[0]!.op_type!;
  const other = layers.find((n) => n.op_type !== op);
  if (other) throw fail(`mixes ${op} and ${other.op_type} nodes; a stack has one cell kind`);
  // Each layer reads the one below's Y (output 0).
  layers.forEach((n, k) => {
    if (k === 0) return;
    const from = source(n.input?.[0] ?? '');
    if (from.node !== layers[k - 1] || from.name !== layers[k - 1]!.output?.[0]) {
      throw fail(
        `${nodeName(n)} reads ${from.node ? `the output of ${nodeName(from.node)}` : `“${from.name}”`}, not the Y of the ${op} node below it: Gatescope reads stacks in which each layer reads the one below`,
      );
    }
  });

  /** An attribute's value in the JSON config, as the ONNX layout takes it. */
  const attrValue = (a: RawAttribute): unknown => {
    switch (a.type) {
      case 1:
        return a.f ?? 0;
      case 2:
        return num(a.i);
      case 3:
        return text(a.s);
      case 6:
        return [...(a.floats ?? [])];
      case 7:
        return (a.ints ?? []).map(num);
      case 8:
        return (a.strings ?? []).map(text);
      default:
        return undefined;
    }
  };

  /** Initial states must be zeros: absent, a ConstantOfShape of 0 (PyTorch's export) or a zero tensor. */
  const zeroState = (n: RawNode, index: number, what: string) => {
    const name = n.input?.[index];
    if (!name) return;
    const c = constant(name);
    if (c) {
      if (c.data.some((v) => v !== 0)) throw fail(`${nodeName(n)}: ${what} is not zero; Gatescope starts every layer from zero states`);
      return;
    }
    let at = name;
    for (let hops = 0; hops < 50; hops++) {
      // Without dynamic_axes, torch.onnx.export writes the zero state as Expand(Constant zeros, shape):
      // a stored value reached through the ops below is the state's every value.
      const stored = hops > 0 ? constant(at) : null;
      if (stored) {
        if (stored.data.every((x) => x === 0)) return;
        throw fail(`${nodeName(n)}: ${what} is not zero (it comes from “${at}”); Gatescope starts every layer from zero states`);
      }
      const p = producer.get(at);
      if (!p) break;
      if (p.op_type === 'ConstantOfShape') {
        const v = p.attribute?.find((a) => a.name === 'value')?.t;
        if (!v || tensorOf(v, file).data.every((x) => x === 0)) return;
        break;
      }
      if (!['Slice', 'Unsqueeze', 'Squeeze', 'Reshape', 'Expand', 'Identity', 'Transpose'].includes(p.op_type ?? '')) break;
      at = p.input?.[0] ?? '';
    }
    throw fail(`${nodeName(n)}: ${what} comes from “${at}”, which Gatescope cannot show as zeros; it starts every layer from zero states (export without an initial state)`);
  };

  const entries = layers.map((n) => {
    const inputs = n.input ?? [];
    const tensor = (index: number, label: string, required: boolean) => {
      const name = inputs[index];
      if (!name) {
        if (required) throw fail(`${nodeName(n)} has no ${label} input`);
        return undefined;
      }
      const t = constant(name);
      if (!t) throw fail(`${nodeName(n)}: its ${label} (“${name}”) is computed in the graph, not stored; Gatescope reads weights stored as initializers`);
      return nestedOf(t);
    };
    const weights: Record<string, unknown> = { W: tensor(1, 'W', true), R: tensor(2, 'R', true) };
    const B = tensor(3, 'B', false);
    if (B !== undefined) weights.B = B;
    if (op === 'LSTM') {
      const P = tensor(7, 'P', false);
      if (P !== undefined) weights.P = P;
    }
    zeroState(n, 5, 'initial_h');
    if (op === 'LSTM') zeroState(n, 6, 'initial_c');
    const config: Record<string, unknown> = {};
    for (const a of n.attribute ?? []) {
      const v = attrValue(a);
      if (a.name && v !== undefined) config[a.name] = v;
    }
    return { weights, config };
  });

  const first = entries[0]!;
  const coupled = op === 'LSTM' && first.config.input_forget === 1;
  // The registered kind read from this op: with peepholes exactly when the node has P, coupled exactly when input_forget=1.
  const kind = KINDS.find((k) => k.layouts.onnx?.op === op && k.peepholes === (first.weights.P !== undefined) && (k.variant === 'coupling') === coupled)!.id;
  const dims = (v: unknown): number[] => (Array.isArray(v) ? [v.length, ...dims(v[0])] : []);
  const I = dims(first.weights.W)[2] ?? 0;
  const top = layers[layers.length - 1]!;
  const H = Number(dims(entries[entries.length - 1]!.weights.R)[2] ?? 0);

  // ── The embedding: a Gather on a constant [V][I] table, feeding the first layer. ──
  const x = source(layers[0]!.input?.[0] ?? '');
  const gather = x.node?.op_type === 'Gather' ? x.node : null;
  const table = gather ? constant(gather.input?.[0] ?? '') : null;
  if (!gather || !table) {
    throw fail(`${nodeName(layers[0]!)} reads “${x.name}”, not an embedding lookup (a Gather on a [words][${I}] initializer, as nn.Embedding exports): Gatescope needs the table to read words`);
  }
  if (table.dims.length !== 2 || table.dims[1] !== I) throw fail(`the embedding ${gather.input![0]} is [${table.dims.join(', ')}], but the first ${op} reads ${I} inputs`);
  const V = table.dims[0]!;
  let vocab = vocabFromFile;
  if (!vocab && meta.has('vocab')) {
    try {
      const v = JSON.parse(meta.get('vocab')!) as unknown;
      if (Array.isArray(v) && v.every((w) => typeof w === 'string')) vocab = v;
    } catch {
      throw fail('its metadata_props “vocab” is not JSON (expected a list of words)');
    }
  }
  if (!vocab) throw fail(`holds no vocabulary: drop the vocabulary file (one word per line, or JSON) together with it, or add metadata_props “vocab”; the embedding has ${V} rows`);
  if (vocab.length !== V) throw fail(`the embedding ${gather.input![0]} has ${V} rows, but the vocabulary has ${vocab.length} words`);
  if (!vocab.includes(UNK)) throw fail(`the vocabulary has no "${UNK}": unknown words need a row (rename your out-of-vocabulary token to "${UNK}")`);

  // ── The head: the first MatMul/Gemm on a constant reached from the top layer's Y or Y_h. ──
  // A stack's `h[-1]` is exported as a Concat of every layer's Y_h (PyTorch's h, [layers][batch][H])
  // and a Gather (or Slice) of its last entry: followed only when it is exactly that, so a head
  // on a lower layer's state is never shown as if it read the top one.
  const finals = layers.map((n) => n.output?.[1] ?? '');
  const ints = (name: string | undefined): number[] | null => {
    const t = name ? constant(name) : null;
    return t ? Array.from(t.data) : null;
  };
  const intsAttr = (c: RawNode, key: string): number[] | null => {
    const a = c.attribute?.find((x) => x.name === key);
    return a ? (a.ints ?? []).map(num) : null;
  };
  /** Which layer a Gather or Slice on axis 0 of the stacked final states takes, or null for anything else. */
  const pickedLayer = (c: RawNode): number | null => {
    const L = layers.length;
    const wrap = (k: number) => (k < 0 ? k + L : k);
    if (c.op_type === 'Gather') {
      const axis = num(c.attribute?.find((a) => a.name === 'axis')?.i);
      const index = ints(c.input?.[1]);
      return axis === 0 && index?.length === 1 ? wrap(index[0]!) : null;
    }
    if (c.op_type === 'Slice') {
      // Opset 9 gives starts/ends/axes as attributes; opset 10 on as inputs.
      const starts = intsAttr(c, 'starts') ?? ints(c.input?.[1]);
      const ends = intsAttr(c, 'ends') ?? ints(c.input?.[2]);
      const axes = intsAttr(c, 'axes') ?? (c.input?.[3] ? ints(c.input[3]) : [0]);
      const steps = c.input?.[4] ? ints(c.input[4]) : [1];
      if (starts?.length !== 1 || ends?.length !== 1 || axes?.length !== 1 || axes[0] !== 0 || steps?.length !== 1 || steps[0] !== 1) return null;
      const from = wrap(starts[0]!);
      return Math.min(wrap(ends[0]!), L) - from === 1 ? from : null;
    }
    return null;
  };
  /** Why a head was not found, when the search saw something more telling than nothing. */
  let notTop = '';
  const reach = (start: string): { node: RawNode; from: string } | null => {
    const queue: { name: string; stacked: boolean }[] = [{ name: start, stacked: false }];
    const seen = new Set<string>();
    while (queue.length) {
      const { name: at, stacked } = queue.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const c of consumers(at)) {
        const first = (c.input ?? [])[0] === at;
        if (stacked) {
          if (!first) continue;
          const k = pickedLayer(c);
          if (k === layers.length - 1) queue.push({ name: c.output?.[0] ?? '', stacked: false });
          else if (k !== null) notTop = `; ${nodeName(c)} takes layer ${k}'s final state (h[${k}]), and Gatescope's head reads the top layer's (h[-1])`;
          continue;
        }
        if ((c.op_type === 'MatMul' || c.op_type === 'Gemm') && first) return { node: c, from: at };
        const axis = num(c.attribute?.find((a) => a.name === 'axis')?.i);
        if (c.op_type === 'Concat' && layers.length > 1 && axis === 0 && (c.input ?? []).join('\n') === finals.join('\n')) queue.push({ name: c.output?.[0] ?? '', stacked: true });
        else if (SHAPE_OPS.includes(c.op_type ?? '') && first) queue.push({ name: c.output?.[0] ?? '', stacked: false });
      }
    }
    return null;
  };
  const found = reach(top.output?.[0] ?? '') ?? (top.output?.[1] ? reach(top.output[1]) : null);
  if (!found) throw fail(`has no head after ${nodeName(top)}: expected a MatMul + Add or a Gemm on an initializer (nn.Linear) reading its output${notTop}`);
  const lin = found.node;
  const Bt = constant(lin.input?.[1] ?? '');
  if (Bt?.dims.length !== 2) throw fail(`${nodeName(lin)}: its weight is not a stored 2-D initializer`);
  const attr = (name: string) => lin.attribute?.find((a) => a.name === name);
  let W: number[][];
  let b: number[] | null = null;
  let after: string;
  const rowsOf = (t: OnnxTensor, transposed: boolean) => {
    const [r, c] = t.dims as [number, number];
    return transposed
      ? Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => t.data[i * c + j]!))
      : Array.from({ length: r }, (_, i) => Array.from(t.data.subarray(i * c, (i + 1) * c)));
  };
  if (lin.op_type === 'Gemm') {
    if (num(attr('transA')?.i) !== 0) throw fail(`${nodeName(lin)}: transA=1 is not a head on h`);
    for (const k of ['alpha', 'beta']) if (attr(k) && attr(k)!.f !== 1) throw fail(`${nodeName(lin)}: ${k}=${attr(k)!.f} (Gatescope reads alpha = beta = 1)`);
    W = rowsOf(Bt, num(attr('transB')?.i) === 0);
    const C = lin.input?.[2] ? constant(lin.input[2]) : null;
    if (lin.input?.[2] && !C) throw fail(`${nodeName(lin)}: its bias is not a stored initializer`);
    b = C ? Array.from(C.data) : null;
    after = lin.output?.[0] ?? '';
  } else {
    W = rowsOf(Bt, true); // MatMul(h, B): B is [H][outputs]
    after = lin.output?.[0] ?? '';
    const add = consumers(after).find((c) => c.op_type === 'Add');
    if (add) {
      const other = (add.input ?? []).find((i) => i !== after) ?? '';
      const c = constant(other);
      if (!c) throw fail(`${nodeName(add)} after the head's MatMul adds a computed value, not a bias`);
      b = Array.from(c.data);
      after = add.output?.[0] ?? '';
    }
  }
  if (W[0]?.length !== H) throw fail(`the head ${nodeName(lin)} reads ${W[0]?.length ?? 0} values, but the top ${op} layer has H = ${H}`);
  const L = W.length;
  if (b && b.length !== L) throw fail(`the head's bias has ${b.length} values for ${L} outputs`);
  let act = '';
  for (let at = after, hops = 0; hops < 10; hops++) {
    const next = consumers(at).find((c) => c.op_type === 'Sigmoid' || c.op_type === 'Softmax' || c.op_type === 'LogSoftmax' || SHAPE_OPS.includes(c.op_type ?? ''));
    if (!next) break;
    if (!SHAPE_OPS.includes(next.op_type ?? '')) {
      act = next.op_type!;
      break;
    }
    at = next.output?.[0] ?? '';
  }
  const declaredHead = meta.get('head');
  const headKind = act === 'Sigmoid' ? 'sigmoid' : act === 'Softmax' || act === 'LogSoftmax' ? 'softmax' : declaredHead;
  if (headKind !== 'sigmoid' && headKind !== 'softmax') {
    throw fail(`the head ends without a Sigmoid or Softmax, so its outputs could be logits of either or plain values; say which in metadata_props “head” ("sigmoid" or "softmax")`);
  }
  if (headKind === 'sigmoid' && L !== 1) throw fail(`a Sigmoid head has ${L} outputs; Gatescope's sigmoid head has one (P(positive))`);
  let labels: unknown = null;
  if (meta.has('labels')) {
    try {
      labels = JSON.parse(meta.get('labels')!);
    } catch {
      throw fail('its metadata_props “labels” is not JSON: give a JSON list of names, one per output (two, [negative, positive], for a one-output head)');
    }
    const want = L === 1 ? 2 : L;
    if (!Array.isArray(labels) || labels.length !== want || !labels.every((x) => typeof x === 'string'))
      throw fail(
        `its metadata_props “labels” is ${meta.get('labels')!.slice(0, 60)}, but the head ${nodeName(lin)} has ${L} output${L === 1 ? '' : 's'}: give ${L === 1 ? 'two names, [negative, positive]' : `${L} names, one per output`}`,
      );
  }
  if (!Array.isArray(labels)) labels = headKind === 'sigmoid' ? ['0', '1'] : Array.from({ length: L }, (_, k) => `class ${k}`);

  const lowercase = vocab.every((w) => w === UNK || w === w.toLowerCase() || /^[<[].*[>\]]$/.test(w));
  const cell = entries.length === 1 ? { kind, layout: 'onnx', weights: first.weights, config: first.config } : { kind, layout: 'onnx', layers: entries };
  // Each field of the model file, as the graph names it (a stack's entries are its nodes, bottom first).
  const at = (k: number) => (entries.length === 1 ? 'cell' : `cell.layers[${k}]`);
  const origins: Origins = [
    ...layers.flatMap((n, k): [string, string][] => [
      [`${at(k)}.weights.`, `${nodeName(n)}, its input `],
      [`${at(k)}.config.`, `${nodeName(n)}, its attribute `],
    ]),
    ['cell.layers', `the ${op} nodes`],
    ['embedding.weight', `tensor ${gather.input![0]}`],
    ['embedding.vocab', vocabFromFile ? (vocabFile ? `the vocabulary file ${vocabFile}` : 'the vocabulary') : 'metadata_props “vocab”'],
    ['head.W', `the weight of the head ${nodeName(lin)}`],
    ['head.b', `the bias of the head ${nodeName(lin)}`],
    ['head.labels', meta.has('labels') ? 'metadata_props “labels”' : 'the head’s labels (none in metadata_props)'],
    ['tokenizer', 'metadata_props “tokenizer”'],
  ];
  const doc = {
    format: 'gatescope-model',
    version: 1,
    id: file.replace(/\.onnx$/i, ''),
    task: 'custom',
    // The tokenizer the vocabulary was built with (metadata_props "tokenizer"); format.ts checks it.
    tokenizer: meta.get('tokenizer') ?? 'words',
    cell,
    embedding: { vocab: [...vocab], weight: rowsOf(table, false), lowercase },
    head: { kind: headKind, labels, W, b: b ?? Array.from({ length: L }, () => 0) },
  };
  return { doc, origins };
}
