/**
 * Training an encoder–decoder (engine/seq2seq.ts) with teacher forcing: the decoder reads the
 * reference target shifted by one (<s>, y_1 … y_n) and is scored on predicting y_1 … y_n, </s>.
 *
 *   L = −(1/(n+1)) Σ_u log p_u[y_u]
 *   ∂L/∂z_u = (p_u − onehot(y_u)) / (n+1),   ∂L/∂h'_u = Wᵀ ∂L/∂z_u
 *   decoder BPTT from those  →  ∂L/∂(h'_0, C'_0), the gradient on the handed-over state (with
 *     the further states of today's kinds: sLSTM's n, m; mLSTM's C, n, m)
 *   encoder BPTT with ∂L/∂(h_S, C_S) = ∂L/∂(h'_0, C'_0) and nothing else: the encoder learns
 *   only through the context vector, which is the point (and the bottleneck) of the design.
 *
 * With attention (engine/attention.ts) the head reads h̃_u, the attention's output; its backward
 * (attendBack) adds onto ∂L/∂h'_u before the decoder's BPTT and onto ∂L/∂h_t for every encoder
 * state, which the encoder's BPTT then reads as its per-step gradients (beside the hand-over's).
 * With location weights the steps' attentions form a chain of their own (α_u reads α_{u−1}), run
 * backward from the last step before the decoder's BPTT. Reading only (`readOnly`), there is no
 * hand-over: the encoder learns through attention alone.
 *
 * Both BPTTs are the engine's (grad/bptt.ts); nothing here differentiates a cell.
 */
import {
  BOS,
  EOS,
  UNK,
  attend,
  attendBack,
  attentionKeys,
  initialWeights,
  bptt,
  createRng,
  gradArrays,
  matrix,
  paramArrays,
  randomParams,
  run,
  translate,
  zeroAttentionGrads,
  zeroGrads,
  type Attention,
  type AttendChain,
  type CellGrads,
  type CellKind,
  type Matrix,
  type Model,
  type NamedArray,
  type Seq2Seq,
  type TableEmbedding,
  type Vec,
  kindOf,
} from '../engine';
import { Adam, clipByGlobalNorm } from './adam';
import { addCellGrads, softmaxStepGrads } from './loss';
import { tokenIds } from './network';
import { shuffledOrder } from './shuffle';

interface Seq2SeqSpec {
  readonly id: string;
  readonly kind: CellKind;
  /** Source words; `<unk>` is added at row 0. */
  readonly srcWords: readonly string[];
  /** Target tokens; `<unk>`, <s> and </s> are added first. */
  readonly tgtTokens: readonly string[];
  readonly embedDim: number;
  readonly hidden: number;
  readonly seed: number;
  /** Luong attention (translate-attn-<kind>); its weights are drawn after all the others, so a plain model is unchanged. */
  readonly attention?: boolean;
  /** With attention: K of the location term's 2K+1 weights (0 or absent: content alone). Drawn from no rng (zeros), so the rest starts as without it. */
  readonly locationReach?: number;
  /** With location weights: read only within ±locationReach of the last step's heaviest word. */
  readonly windowed?: boolean;
  /** With attention: the encoder reads </s> after the source, and the decoder starts from zero (no hand-over). */
  readonly readOnly?: boolean;
}

/** A Seq2Seq whose halves have table embeddings (what is trained here). */
export type TrainableSeq2Seq = Seq2Seq & {
  readonly encoder: Model & { readonly embedding: TableEmbedding };
  readonly decoder: Model & { readonly embedding: TableEmbedding; readonly head: NonNullable<Model['head']> };
};

function table(vocab: readonly string[], dim: number, rng: ReturnType<typeof createRng>, lowercase: boolean): TableEmbedding {
  return {
    kind: 'table',
    dim,
    vocab,
    table: matrix(
      vocab.length,
      dim,
      Array.from({ length: vocab.length * dim }, () => rng.normal() * 0.5),
    ),
    unk: 0,
    lowercase,
  };
}

export function initSeq2Seq(spec: Seq2SeqSpec): TrainableSeq2Seq {
  const rng = createRng(spec.seed);
  const { embedDim: E, hidden: H, kind } = spec;
  const reading = !!(spec.attention && spec.readOnly);
  // </s> last: the table's other rows are drawn as without it (what is drawn after the table is not).
  const src = [UNK, ...spec.srcWords, ...(reading ? [EOS] : [])];
  const tgt = [UNK, BOS, EOS, ...spec.tgtTokens];
  const half = (embedding: TableEmbedding, head: Model['head'], tokenizer: Model['tokenizer']) => {
    const cell = randomParams(kind, E, H, rng);
    // Remember first, as initNetwork does.
    kindOf(cell.kind).startRemembering(cell);
    return { id: spec.id, task: 'translate' as const, trained: true, embedding, cell, head, tokenizer };
  };
  const encoder = half(table(src, E, rng, true), null, 'words');
  const s = 1 / Math.sqrt(H);
  const head = {
    kind: 'softmax' as const,
    labels: tgt,
    W: matrix(
      tgt.length,
      H,
      Array.from({ length: tgt.length * H }, () => rng.uniform(-s, s)),
    ),
    b: new Float64Array(tgt.length),
  };
  const decoder = half(table(tgt, E, rng, false), head, 'chars');
  const u = (rows: number, cols: number) => {
    const a = 1 / Math.sqrt(cols);
    return matrix(
      rows,
      cols,
      Array.from({ length: rows * cols }, () => rng.uniform(-a, a)),
    );
  };
  const K = spec.locationReach ?? 0;
  const attention = spec.attention
    ? { Wa: u(H, H), Wc: u(H, 2 * H), bc: new Float64Array(H), ...(K > 0 ? { loc: new Float64Array(2 * K + 1), ...(spec.windowed ? { windowed: true } : {}) } : {}) }
    : null;
  return { id: spec.id, encoder, decoder: { ...decoder, head }, ...(attention ? { attention } : {}), ...(reading ? { sourceEnd: true, handOver: false } : {}) };
}

interface Seq2SeqGrads {
  readonly enc: CellGrads;
  readonly encTable: Matrix;
  readonly dec: CellGrads;
  readonly decTable: Matrix;
  readonly headW: Matrix;
  readonly headB: Vec;
  readonly attention: Attention | null;
}

export function zeroSeq2SeqGrads(m: TrainableSeq2Seq): Seq2SeqGrads {
  const t = (e: TableEmbedding) => matrix(e.table.rows, e.table.cols);
  return {
    enc: zeroGrads(m.encoder.cell),
    encTable: t(m.encoder.embedding),
    dec: zeroGrads(m.decoder.cell),
    decTable: t(m.decoder.embedding),
    headW: matrix(m.decoder.head.W.rows, m.decoder.head.W.cols),
    headB: new Float64Array(m.decoder.head.b.length),
    attention: m.attention ? zeroAttentionGrads(m.attention) : null,
  };
}

export function seq2seqParams(m: TrainableSeq2Seq): NamedArray[] {
  return [
    ...paramArrays(m.encoder.cell).map((p) => ({ name: `encoder.${p.name}`, data: p.data })),
    { name: 'encoder.embedding', data: m.encoder.embedding.table.data },
    ...paramArrays(m.decoder.cell).map((p) => ({ name: `decoder.${p.name}`, data: p.data })),
    { name: 'decoder.embedding', data: m.decoder.embedding.table.data },
    { name: 'head.W', data: m.decoder.head.W.data },
    { name: 'head.b', data: m.decoder.head.b },
    ...attentionArrays(m.attention ?? null),
  ];
}

function attentionArrays(a: Attention | null): NamedArray[] {
  return a
    ? [{ name: 'attention.Wa', data: a.Wa.data }, { name: 'attention.Wc', data: a.Wc.data }, { name: 'attention.bc', data: a.bc }, ...(a.loc ? [{ name: 'attention.loc', data: a.loc }] : [])]
    : [];
}

/** Same names and order as seq2seqParams. */
export function seq2seqGradArrays(g: Seq2SeqGrads): NamedArray[] {
  return [
    ...gradArrays(g.enc).map((p) => ({ name: `encoder.${p.name}`, data: p.data })),
    { name: 'encoder.embedding', data: g.encTable.data },
    ...gradArrays(g.dec).map((p) => ({ name: `decoder.${p.name}`, data: p.data })),
    { name: 'decoder.embedding', data: g.decTable.data },
    { name: 'head.W', data: g.headW.data },
    { name: 'head.b', data: g.headB },
    ...attentionArrays(g.attention),
  ];
}

/** A pair as row ids: the source words, and the target tokens without <s> and </s>. */
interface EncodedPair {
  readonly src: readonly number[];
  readonly tgt: readonly number[];
}

export function encodePair(m: TrainableSeq2Seq, src: readonly string[], tgt: readonly string[]): EncodedPair {
  return { src: tokenIds(m.encoder.embedding, m.sourceEnd ? [...src, EOS] : src), tgt: tokenIds(m.decoder.embedding, tgt) };
}

const rows = (e: TableEmbedding, ids: readonly number[]) => ids.map((id) => e.table.data.slice(id * e.dim, (id + 1) * e.dim));
function addRows(into: Matrix, ids: readonly number[], dx: readonly Vec[]): void {
  const E = into.cols;
  ids.forEach((id, t) => {
    for (let k = 0; k < E; k++) into.data[id * E + k] = into.data[id * E + k]! + dx[t]![k]!;
  });
}

/** Adds one pair's gradients into `g`; returns its mean loss per target token (nats, </s> included). */
export function accumulateSeq2SeqGrads(m: TrainableSeq2Seq, pair: EncodedPair, g: Seq2SeqGrads): number {
  const { encoder, decoder } = m;
  const bos = decoder.embedding.vocab.indexOf(BOS);
  const eos = decoder.embedding.vocab.indexOf(EOS);
  const enc = run(encoder.cell, rows(encoder.embedding, pair.src));
  const inputs = [bos, ...pair.tgt];
  const targets = [...pair.tgt, eos];
  const n = targets.length;
  const handOver = m.handOver !== false;
  const dec = run(decoder.cell, rows(decoder.embedding, inputs), handOver ? enc.final : undefined);
  const H = decoder.cell.hiddenSize;
  const att = m.attention;
  const states = enc.traces.map((tr) => tr.h);
  const keys = att ? attentionKeys(att, states) : [];
  // ∂L/∂h_t of every encoder state: zero without attention (only the hand-over reaches the encoder).
  const dStates = states.map(() => new Float64Array(H));
  let loss = 0;
  let dLdh: Vec[];
  if (!att || !g.attention) {
    dLdh = dec.traces.map((tr, u) => {
      const r = softmaxStepGrads(decoder.head, tr.h, targets[u]!, n, g.headW, g.headB);
      loss += r.nll;
      return r.dh;
    });
  } else {
    // Forward over the steps (each reads the weights before), then backward from the last step:
    // with location weights, ∂L/∂α_u reaches step u from step u+1's scores.
    const prevs: Vec[] = [initialWeights(states.length)];
    const fs = dec.traces.map((tr) => {
      const f = attend(att, states, keys, tr.h, prevs[prevs.length - 1]);
      prevs.push(f.weights);
      return f;
    });
    const dOuts = fs.map((f, u) => {
      const r = softmaxStepGrads(decoder.head, f.out, targets[u]!, n, g.headW, g.headB);
      loss += r.nll;
      return r.dh;
    });
    dLdh = new Array<Vec>(fs.length);
    let dWeights: Vec | null = null;
    for (let u = fs.length - 1; u >= 0; u--) {
      const chain: AttendChain | undefined = att.loc ? { prev: prevs[u]!, dWeights, dPrev: new Float64Array(states.length) } : undefined;
      dLdh[u] = attendBack(att, states, keys, dec.traces[u]!.h, fs[u]!, dOuts[u]!, g.attention, dStates, chain);
      dWeights = chain ? chain.dPrev : null;
    }
  }
  const bd = bptt(decoder.cell, dec.traces, dLdh);
  addCellGrads(g.dec, bd.grads);
  addRows(g.decTable, inputs, bd.dx);
  if (pair.src.length > 0) {
    // The hand-over: the decoder's gradient on its initial state is the encoder's on its final one.
    const be = handOver ? bptt(encoder.cell, enc.traces, dStates, bd.dh0, bd.dc0 ?? undefined, bd.dextra0 ?? undefined) : bptt(encoder.cell, enc.traces, dStates);
    addCellGrads(g.enc, be.grads);
    addRows(g.encTable, pair.src, be.dx);
  }
  return loss / n;
}

/** Mean loss per target token over `data`, without gradients. */
export function seq2seqLoss(m: TrainableSeq2Seq, data: readonly EncodedPair[]): number {
  let sum = 0;
  for (const pair of data) sum += accumulateSeq2SeqGrads(m, pair, zeroSeq2SeqGrads(m));
  return sum / Math.max(1, data.length);
}

interface Seq2SeqTrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly lrAt: (epoch: number) => number;
  readonly clipNorm: number;
  readonly seed: number;
  readonly data: (epoch: number) => readonly EncodedPair[];
  /** Scored after each epoch; the best epoch's weights are kept (validation data only). */
  readonly validate?: () => number;
  readonly onEpoch?: (s: { epoch: number; loss: number; valScore?: number }) => void;
}

export function trainSeq2Seq(m: TrainableSeq2Seq, o: Seq2SeqTrainOptions): { losses: number[]; valCurve: number[]; bestEpoch: number } {
  const rng = createRng(o.seed);
  const params = seq2seqParams(m);
  const adam = new Adam(params, { lr: o.lrAt(0) });
  const losses: number[] = [];
  const valCurve: number[] = [];
  let best: { epoch: number; score: number; weights: Float64Array[] } | null = null;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    adam.lr = o.lrAt(epoch);
    const data = o.data(epoch);
    const order = shuffledOrder(data.length, rng);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const batch = order.slice(start, start + o.batchSize);
      const g = zeroSeq2SeqGrads(m);
      for (const i of batch) lossSum += accumulateSeq2SeqGrads(m, data[i]!, g);
      const flat = seq2seqGradArrays(g);
      for (const a of flat) for (let k = 0; k < a.data.length; k++) a.data[k] = a.data[k]! / batch.length;
      clipByGlobalNorm(flat, o.clipNorm);
      adam.step(flat);
    }
    losses.push(lossSum / data.length);
    const valScore = o.validate?.();
    if (valScore !== undefined) {
      valCurve.push(valScore);
      if (best === null || valScore > best.score) best = { epoch, score: valScore, weights: params.map((p) => Float64Array.from(p.data)) };
    }
    o.onEpoch?.({ epoch, loss: losses[epoch]!, ...(valScore !== undefined ? { valScore } : {}) });
  }
  const kept = best;
  if (kept) params.forEach((p, j) => p.data.set(kept.weights[j]!));
  return { losses, valCurve, bestEpoch: kept ? kept.epoch : o.epochs - 1 };
}

export interface TranslationScore {
  readonly pairs: number;
  /** Share of pairs translated exactly. */
  readonly exact: number;
  /** Share of reference characters matched at their position (missing ones count as wrong). */
  readonly chars: number;
}

/** Exact match and character accuracy of `outputs` against `refs`. */
export function scoreTranslations(outputs: readonly (readonly string[])[], refs: readonly (readonly string[])[]): TranslationScore {
  let exact = 0;
  let hit = 0;
  let total = 0;
  refs.forEach((ref, k) => {
    const out = outputs[k]!;
    if (out.length === ref.length && out.every((c, u) => c === ref[u])) exact++;
    ref.forEach((c, u) => (hit += out[u] === c ? 1 : 0));
    total += ref.length;
  });
  return { pairs: refs.length, exact: exact / Math.max(1, refs.length), chars: hit / Math.max(1, total) };
}

/** Greedy translations of every source (the length limit: twice the longest reference, plus 2). */
export function greedyOutputs(m: Seq2Seq, sources: readonly (readonly string[])[], maxLength: number): string[][] {
  return sources.map((s) => translate(m, s, maxLength).output);
}
