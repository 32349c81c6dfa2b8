/**
 * An encoder–decoder (Sutskever et al. 2014; the articles' translation figure): the encoder
 * reads the source sentence, its final state is the *context*, and that state becomes the
 * decoder's initial state; the decoder then writes the target one token per step.
 *
 *   encoder:  x_t = E_src[w_t],   (h_t, C_t) = cell_enc(x_t, h_{t−1}, C_{t−1}),  t = 1..S
 *   hand-over: (h'_0, C'_0) = (h_S, C_S)          the fixed-size context vector (and the belt)
 *   decoder:  y_0 = <s>,  x'_u = E_tgt[y_{u−1}],  (h'_u, C'_u) = cell_dec(x'_u, h'_{u−1}, C'_{u−1})
 *             p_u = softmax(W h'_u + b)  over the target tokens; greedy: y_u = argmax p_u
 *   stop at </s> or after `maxLength` tokens.
 *
 * Both halves are ordinary one-layer Models (model.ts): the encoder without a head, the decoder
 * with a softmax head whose labels are its own vocabulary. Same kind and hidden size on both
 * sides, so the state can be handed over as it is.
 *
 * With `attention` (attention.ts, `translate-attn-<kind>`) the hand-over stays, and at every step
 * the decoder also reads a weighted sum of *all* the encoder's states: p_u = softmax(W h̃_u + b)
 * with h̃_u = tanh(W_c [c_u; h'_u] + b_c) in place of h'_u. With location weights each step's
 * scores also read the step before's weights (α_0 on the first source word).
 */
import { embedToken, predict, type Model } from './model';
import { initialState, run, step } from './step';
import type { CellState, Vec } from './types';
import type { StepTrace } from './kinds';
import { attend, attentionKeys, attentionMismatch, initialWeights, type Attended, type Attention } from './attention';

export const BOS = '<s>';
export const EOS = '</s>';

export interface Seq2Seq {
  readonly id: string;
  readonly encoder: Model;
  readonly decoder: Model;
  /** Luong attention over the encoder's states; absent: the plain encoder–decoder. */
  readonly attention?: Attention;
  /**
   * The encoder reads </s> after the source (it must be in its vocabulary): a state that says
   * "the sentence ends here", which attention can find wherever the end falls. Absent: false.
   */
  readonly sourceEnd?: boolean;
  /** false: the decoder starts from the zero state and knows the source only through attention. Absent: true. */
  readonly handOver?: boolean;
}

interface DecodedStep {
  /** The token the decoder read (<s> first, then what it wrote before). */
  readonly input: string;
  readonly trace: StepTrace;
  /** The softmax over the decoder's vocabulary. */
  readonly probs: number[];
  /** The three likeliest tokens, best first. */
  readonly top: ReadonlyArray<{ readonly token: string; readonly p: number }>;
  /** What greedy decoding writes here: top[0]. */
  readonly output: string;
  /** With attention: how this step read the source (weights over the source words, context, h̃). */
  readonly attention?: Attended;
}

export interface Translation {
  /** What the encoder read: the source, and </s> after it for a model with `sourceEnd`. */
  readonly source: readonly string[];
  readonly encoder: StepTrace[];
  /** The context handed over: the encoder's final state (the zero state for an empty source, or without the hand-over). */
  readonly context: CellState;
  readonly decoder: DecodedStep[];
  /** The written tokens without </s>. */
  readonly output: string[];
  /** Whether decoding ended at </s> (false: stopped at the length limit). */
  readonly ended: boolean;
}

/** Why a pair of models cannot be an encoder–decoder, or null. */
export function seq2seqMismatch(m: Seq2Seq): string | null {
  const { encoder: e, decoder: d } = m;
  if (e.cell.kind !== d.cell.kind) return `the encoder is "${e.cell.kind}" but the decoder is "${d.cell.kind}"`;
  if (e.cell.hiddenSize !== d.cell.hiddenSize) return `the encoder has ${e.cell.hiddenSize} units but the decoder ${d.cell.hiddenSize}: the state is handed over as it is`;
  if (d.head?.kind !== 'softmax') return 'the decoder needs a softmax head over its tokens';
  if (d.embedding.kind !== 'table') return 'the decoder reads its own tokens through a table embedding';
  if (m.sourceEnd && (e.embedding.kind !== 'table' || !e.embedding.vocab.includes(EOS))) return `the encoder reads "${EOS}" after the source, so its vocabulary needs it`;
  if ((m.sourceEnd || m.handOver === false) && !m.attention) return 'without attention the decoder needs the hand-over and nothing else';
  const vocab = d.embedding.vocab;
  if (d.head.labels.length !== vocab.length || d.head.labels.some((l, k) => l !== vocab[k])) return 'the decoder head’s labels must be its vocabulary, in order';
  for (const t of [BOS, EOS]) if (!vocab.includes(t)) return `the decoder vocabulary has no "${t}"`;
  const why = m.attention ? attentionMismatch(m.attention, d.cell.hiddenSize) : null;
  return why ? `attention: ${why}` : null;
}

/** The encoder over `source`: its traces and the context it hands over. */
function encode(m: Seq2Seq, source: readonly string[]): { traces: StepTrace[]; context: CellState } {
  const xs = source.map((w) => embedToken(m.encoder.embedding, w).x);
  const r = run(m.encoder.cell, xs);
  return { traces: r.traces, context: r.final };
}

/** The encoder's states and their keys, what every attending step reads. */
interface Memory {
  readonly states: Vec[];
  readonly keys: Vec[];
}

/**
 * One decoder step from `state`, reading `input` (and, with attention, the encoder's states;
 * `prev`, the step before's weights, is what the location term reads).
 */
function decodeStep(m: Seq2Seq, state: CellState, input: string, memory: Memory | null, prev: Vec): { state: CellState; step: DecodedStep } {
  const { decoder } = m;
  const r = step(decoder.cell, state, embedToken(decoder.embedding, input).x);
  const attention = m.attention && memory ? attend(m.attention, memory.states, memory.keys, r.state.h, prev) : undefined;
  const probs = predict(decoder.head!, attention ? attention.out : r.state.h);
  const labels = decoder.head!.labels;
  const order = probs.map((_, k) => k).sort((a, b) => probs[b]! - probs[a]! || a - b);
  const top = order.slice(0, 3).map((k) => ({ token: labels[k]!, p: probs[k]! }));
  return { state: r.state, step: { input, trace: r.trace, probs, top, output: top[0]!.token, ...(attention ? { attention } : {}) } };
}

/** Greedy translation: the encoder, the hand-over, then the decoder until </s> or `maxLength` tokens. */
export function translate(m: Seq2Seq, words: readonly string[], maxLength = 40): Translation {
  const why = seq2seqMismatch(m);
  if (why) throw new Error(`translate: ${why}`);
  const source = m.sourceEnd ? [...words, EOS] : [...words];
  const encoded = source.length ? encode(m, source) : { traces: [], context: initialState(m.encoder.cell) };
  const traces = encoded.traces;
  const context = m.handOver === false ? initialState(m.decoder.cell) : encoded.context;
  const decoder: DecodedStep[] = [];
  const output: string[] = [];
  const states = traces.map((tr) => tr.h);
  const memory = m.attention ? { states, keys: attentionKeys(m.attention, states) } : null;
  let state = context;
  let input = BOS;
  let prev = initialWeights(states.length);
  while (decoder.length < maxLength) {
    const r = decodeStep(m, state, input, memory, prev);
    decoder.push(r.step);
    if (r.step.attention) prev = r.step.attention.weights;
    if (r.step.output === EOS) return { source, encoder: traces, context, decoder, output, ended: true };
    output.push(r.step.output);
    state = r.state;
    input = r.step.output;
  }
  return { source, encoder: traces, context, decoder, output, ended: false };
}
