/**
 * Attention for the encoder–decoder (seq2seq.ts): Luong, Pham & Manning (2015), *global*
 * attention with the *general* (bilinear) score, the context read at the output layer.
 *
 *   keys      k_t = W_a h_t                          once per sentence; h_t the encoder's state, t = 1..S
 *   score     e_{u,t} = h'_uᵀ k_t + Σ_{j=−K..K} w_j α_{u−1,t−j}
 *                                                    h'_u the decoder's state after its step u; the
 *                                                    second sum only with location weights w
 *                                                    ("luong-general+location"), α_0 = one-hot on
 *                                                    the first source word, α_{u−1,s} = 0 off the source
 *   weights   α_{u,t} = exp(e_{u,t} − m_u) / Σ_s exp(e_{u,s} − m_u),   m_u = max_s e_{u,s}
 *             windowed: the sums over s, and α_{u,t} ≠ 0, only for |t − p_u| ≤ K, p_u = argmax_s α_{u−1,s}
 *   context   c_u = Σ_t α_{u,t} h_t
 *   output    h̃_u = tanh(W_c [c_u; h'_u] + b_c)      the softmax head reads h̃_u instead of h'_u
 *
 * Why this one. The decoder's step is the plain cell's (its input is still the embedding of the
 * character it wrote before), so the engine's BPTT runs over the decoder unchanged; attention adds,
 * at each step u, a gradient onto h'_u and onto every encoder state h_t — the encoder now learns
 * through every state it read, not only the last one handed over. Bahdanau's additive score
 * (vᵀ tanh(W h'_{u−1} + U h_t)) feeds the context into the decoder's next input, which ties the
 * steps of the recurrence to the attention's and would need a BPTT of its own. General rather than
 * dot: the decoder's state holds what it has written in Chinese and the encoder's what it read in
 * English; W_a (H × H) lets the two be compared without forcing them into the same coordinates.
 * Subtracting the max score m_u keeps the softmax finite however large the scores grow.
 *
 * Why the location term (Chorowski et al. 2015, a linear form of their convolution over the last
 * weights). With content alone, the models trained on one- and two-clause sentences learned "after
 * the comma, read the last clause", which fits all their data and fails on three clauses. w_j
 * scores "j words on from where I read last": a rule about moving along the source that does not
 * depend on how many clauses there are. No bias: a constant added to every e_{u,t} cancels in the
 * softmax. α_u now depends on α_{u−1}, so the backward runs over the steps in reverse, each step
 * passing ∂L/∂α_{u−1} = Σ_t ∂e_{u,t} w_{t−s} back to the one before (`AttendChain`).
 * The window goes further: measured, the soft term learned to favour one and two words on
 * (w_1 ≈ 2) yet the content score still sent the reader to the last clause; with the window the
 * clauses after the next one cannot be read at all from where the reader is. Its centre is an
 * argmax, constant almost everywhere, so it adds nothing to the backward pass: the words outside
 * have α = 0 and so ∂e = 0.
 *
 * Backward, given ∂L/∂h̃_u (then summed over u by the caller):
 *   g = ∂L/∂h̃ ⊙ (1 − h̃²);  ∂W_c += g [c; h']ᵀ,  ∂b_c += g;  ∂c = W_c[:, :H]ᵀ g,  ∂h' = W_c[:, H:]ᵀ g
 *   ∂α_t = ∂c · h_t,  ∂h_t += α_t ∂c;   ∂e_t = α_t (∂α_t − Σ_s α_s ∂α_s)
 *   ∂h' += Σ_t ∂e_t k_t,   ∂h_t += ∂e_t W_aᵀ h',   ∂W_a += h' (Σ_t ∂e_t h_t)ᵀ
 * With location weights, ∂α_t also holds what the next step's scores send back, and
 *   ∂w_j += Σ_t ∂e_t α_{u−1,t−j},   ∂α_{u−1,t−j} += ∂e_t w_j
 */
import { matrix } from './math';
import type { Matrix, Vec } from './types';

export interface Attention {
  /** H × H: the general score's bilinear form. */
  readonly Wa: Matrix;
  /** H × 2H: the output layer over [context; decoder state]. */
  readonly Wc: Matrix;
  /** H: the output layer's bias. */
  readonly bc: Vec;
  /** 2K+1 location weights w_{−K..K} on the previous step's weights; absent: content alone. */
  readonly loc?: Vec;
  /**
   * With location weights: read only within ±K of the last step's heaviest word (a hard window;
   * the words outside get weight 0). The soft term alone did not stop the jump to the last clause.
   */
  readonly windowed?: boolean;
}

/** How many words either side of the last reading the location term sees (K). */
const locationReach = (a: Attention): number => (a.loc ? (a.loc.length - 1) / 2 : 0);

/** α_0: before the first step, the reading is on the first source word. */
export function initialWeights(S: number): Vec {
  const w = new Float64Array(S);
  if (S > 0) w[0] = 1;
  return w;
}

type AttentionGrads = Attention;

/** One decoder step's reading of the source. */
export interface Attended {
  /** e_t, one per source word. */
  readonly scores: Vec;
  /** α_t: a distribution over the source words (empty for an empty source). */
  readonly weights: Vec;
  /** c = Σ α_t h_t. */
  readonly context: Vec;
  /** h̃ = tanh(W_c [c; h'] + b_c), what the head reads. */
  readonly out: Vec;
}

/** Why `a` cannot attend over states of `hidden` units, or null. */
export function attentionMismatch(a: Attention, hidden: number): string | null {
  const H = hidden;
  if (a.Wa.rows !== H || a.Wa.cols !== H) return `Wa must be ${H}×${H} (hidden × hidden), found ${a.Wa.rows}×${a.Wa.cols}`;
  if (a.Wc.rows !== H || a.Wc.cols !== 2 * H) return `Wc must be ${H}×${2 * H} (hidden × [context; state]), found ${a.Wc.rows}×${a.Wc.cols}`;
  if (a.bc.length !== H) return `bc must have ${H} values, found ${a.bc.length}`;
  if (a.loc && a.loc.length % 2 !== 1) return `the location weights must be odd in number (w_−K … w_K), found ${a.loc.length}`;
  return null;
}

export function zeroAttentionGrads(a: Attention): AttentionGrads {
  return { Wa: matrix(a.Wa.rows, a.Wa.cols), Wc: matrix(a.Wc.rows, a.Wc.cols), bc: new Float64Array(a.bc.length), ...(a.loc ? { loc: new Float64Array(a.loc.length) } : {}) };
}

/** k_t = W_a h_t for every encoder state: the scores of every decoder step reuse them. */
export function attentionKeys(a: Attention, states: readonly Vec[]): Vec[] {
  const H = a.Wa.rows;
  const W = a.Wa.data;
  return states.map((h) => {
    const k = new Float64Array(H);
    for (let r = 0; r < H; r++) {
      let s = 0;
      for (let j = 0; j < H; j++) s += W[r * H + j]! * h[j]!;
      k[r] = s;
    }
    return k;
  });
}

/**
 * The weights, context and output for the decoder state `query` (h'_u); `prev` is α_{u−1}, read
 * only with location weights (initialWeights(S) before the first step).
 */
export function attend(a: Attention, states: readonly Vec[], keys: readonly Vec[], query: Vec, prev?: Vec): Attended {
  const H = query.length;
  const S = states.length;
  const scores = new Float64Array(S);
  const K = locationReach(a);
  // The window's centre: the last step's heaviest word (the first of equals). Piecewise constant
  // in every weight, so it has no gradient; masked words get weight 0 and so ∂e = 0.
  const centre = a.windowed && a.loc && prev ? prev.reduce((best, w, t) => (w > prev[best]! ? t : best), 0) : -1;
  const inside = (t: number) => centre < 0 || Math.abs(t - centre) <= K;
  let max = -Infinity;
  for (let t = 0; t < S; t++) {
    let s = 0;
    const k = keys[t]!;
    for (let j = 0; j < H; j++) s += query[j]! * k[j]!;
    if (a.loc && prev) for (let j = -K; j <= K; j++) if (t - j >= 0 && t - j < S) s += a.loc[j + K]! * prev[t - j]!;
    scores[t] = s;
    if (s > max && inside(t)) max = s;
  }
  const weights = new Float64Array(S);
  let sum = 0;
  for (let t = 0; t < S; t++) sum += weights[t] = inside(t) ? Math.exp(scores[t]! - max) : 0;
  const context = new Float64Array(H);
  for (let t = 0; t < S; t++) {
    const w = (weights[t] = weights[t]! / sum);
    const h = states[t]!;
    for (let j = 0; j < H; j++) context[j] = context[j]! + w * h[j]!;
  }
  const out = new Float64Array(H);
  const Wc = a.Wc.data;
  for (let r = 0; r < H; r++) {
    let z = a.bc[r]!;
    const row = r * 2 * H;
    for (let j = 0; j < H; j++) z += Wc[row + j]! * context[j]! + Wc[row + H + j]! * query[j]!;
    out[r] = Math.tanh(z);
  }
  return { scores, weights, context, out };
}

/**
 * The chain between steps, with location weights: the `prev` the step read, ∂L/∂α_u from the next
 * step's scores (`dWeights`, null at the last step), and where ∂L/∂α_{u−1} is added (`dPrev`).
 */
export interface AttendChain {
  readonly prev: Vec;
  readonly dWeights: Vec | null;
  readonly dPrev: Vec;
}

/**
 * Backward through one `attend`: adds into `g` and into `dStates[t]` (∂L/∂h_t), returns ∂L/∂h'_u
 * (the attention's share only; the caller adds it to what the decoder's recurrence sends back).
 * With location weights, call it for the last step first and pass each step's `dPrev` on as the
 * step before's `dWeights`.
 */
export function attendBack(a: Attention, states: readonly Vec[], keys: readonly Vec[], query: Vec, f: Attended, dOut: Vec, g: AttentionGrads, dStates: Vec[], chain?: AttendChain): Vec {
  const H = query.length;
  const S = states.length;
  const Wc = a.Wc.data;
  const dq = new Float64Array(H);
  const dc = new Float64Array(H);
  for (let r = 0; r < H; r++) {
    const d = dOut[r]! * (1 - f.out[r]! * f.out[r]!);
    if (d === 0) continue;
    g.bc[r] = g.bc[r]! + d;
    const row = r * 2 * H;
    for (let j = 0; j < H; j++) {
      g.Wc.data[row + j] = g.Wc.data[row + j]! + d * f.context[j]!;
      g.Wc.data[row + H + j] = g.Wc.data[row + H + j]! + d * query[j]!;
      dc[j] = dc[j]! + Wc[row + j]! * d;
      dq[j] = dq[j]! + Wc[row + H + j]! * d;
    }
  }
  if (S === 0) return dq;
  const dAlpha = new Float64Array(S);
  let mean = 0;
  for (let t = 0; t < S; t++) {
    const h = states[t]!;
    let s = 0;
    for (let j = 0; j < H; j++) s += dc[j]! * h[j]!;
    if (chain?.dWeights) s += chain.dWeights[t]!;
    dAlpha[t] = s;
    mean += f.weights[t]! * s;
  }
  // q = W_aᵀ h' (the score's gradient on each h_t is ∂e_t q) and v = Σ_t ∂e_t h_t (for ∂W_a).
  const Wa = a.Wa.data;
  const q = new Float64Array(H);
  for (let r = 0; r < H; r++) for (let j = 0; j < H; j++) q[j] = q[j]! + Wa[r * H + j]! * query[r]!;
  const v = new Float64Array(H);
  for (let t = 0; t < S; t++) {
    const w = f.weights[t]!;
    const de = w * (dAlpha[t]! - mean);
    const h = states[t]!;
    const k = keys[t]!;
    const into = dStates[t]!;
    for (let j = 0; j < H; j++) {
      into[j] = into[j]! + w * dc[j]! + de * q[j]!;
      dq[j] = dq[j]! + de * k[j]!;
      v[j] = v[j]! + de * h[j]!;
    }
    if (a.loc && g.loc && chain) {
      const K = locationReach(a);
      for (let j = -K; j <= K; j++) {
        const s = t - j;
        if (s < 0 || s >= S) continue;
        g.loc[j + K] = g.loc[j + K]! + de * chain.prev[s]!;
        chain.dPrev[s] = chain.dPrev[s]! + de * a.loc[j + K]!;
      }
    }
  }
  for (let r = 0; r < H; r++) {
    const qr = query[r]!;
    for (let j = 0; j < H; j++) g.Wa.data[r * H + j] = g.Wa.data[r * H + j]! + qr * v[j]!;
  }
  return dq;
}
