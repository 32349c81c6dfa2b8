/**
 * The baseline for the engine's speed: a bare, hand-fused LSTM step. One [4H][I+H] matrix times
 * the concatenated [x; h], activations in place, no trace, no allocation per step. It is what
 * the engine would cost if it kept nothing for the student to look at.
 */
import { sigmoid } from '../src/engine';
import type { LstmParams } from '../src/engine';

export interface BareLstm {
  readonly h: Float64Array;
  readonly c: Float64Array;
  step(x: Float64Array): void;
}

export function bareLstm(p: LstmParams): BareLstm {
  const I = p.inputSize;
  const H = p.hiddenSize;
  const K = I + H;
  const order = [p.gates.i, p.gates.f, p.gates.g, p.gates.o];
  const Wcat = new Float64Array(4 * H * K);
  const bias = new Float64Array(4 * H);
  order.forEach((a, b) => {
    for (let r = 0; r < H; r++) {
      const row = (b * H + r) * K;
      for (let c = 0; c < I; c++) Wcat[row + c] = a.W.data[r * I + c]!;
      for (let c = 0; c < H; c++) Wcat[row + I + c] = a.U.data[r * H + c]!;
      bias[b * H + r] = a.bW[r]! + a.bU[r]!;
    }
  });
  const state = { I, H, K, Wcat, bias, xh: new Float64Array(K), z: new Float64Array(4 * H), h: new Float64Array(H), c: new Float64Array(H) };
  return { h: state.h, c: state.c, step: (x) => bareStep(state, x) };
}

interface BareState {
  readonly I: number;
  readonly H: number;
  readonly K: number;
  readonly Wcat: Float64Array;
  readonly bias: Float64Array;
  readonly xh: Float64Array;
  readonly z: Float64Array;
  readonly h: Float64Array;
  readonly c: Float64Array;
}

/**
 * A top-level function reading everything into locals, not a closure over them: with two
 * closures alive (hidden 32 and 128), V8 drops context specialization and the inner loop
 * reloads captured variables, which made this "bare" loop 2× slower than the engine at 128.
 */
function bareStep(st: BareState, x: Float64Array): void {
  const { I, H, K, Wcat, bias, xh, z, h, c } = st;
  xh.set(x, 0);
  xh.set(h, I);
  // Rows in pairs with four accumulators each, the engine's dot2() kernel written out here:
  // otherwise the ratio would measure that trick rather than the cost of the trace.
  const R = 4 * H;
  let r = 0;
  for (; r + 1 < R; r += 2) {
    const ra = r * K;
    const rb = ra + K;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const v0 = xh[k]!;
      const v1 = xh[k + 1]!;
      const v2 = xh[k + 2]!;
      const v3 = xh[k + 3]!;
      a0 += Wcat[ra + k]! * v0;
      a1 += Wcat[ra + k + 1]! * v1;
      a2 += Wcat[ra + k + 2]! * v2;
      a3 += Wcat[ra + k + 3]! * v3;
      b0 += Wcat[rb + k]! * v0;
      b1 += Wcat[rb + k + 1]! * v1;
      b2 += Wcat[rb + k + 2]! * v2;
      b3 += Wcat[rb + k + 3]! * v3;
    }
    for (; k < K; k++) {
      a0 += Wcat[ra + k]! * xh[k]!;
      b0 += Wcat[rb + k]! * xh[k]!;
    }
    z[r] = bias[r]! + (a0 + a1 + (a2 + a3));
    z[r + 1] = bias[r + 1]! + (b0 + b1 + (b2 + b3));
  }
  for (; r < R; r++) {
    const row = r * K;
    let s0 = 0;
    for (let k = 0; k < K; k++) s0 += Wcat[row + k]! * xh[k]!;
    z[r] = bias[r]! + s0;
  }
  for (let k = 0; k < H; k++) {
    const i = sigmoid(z[k]!);
    const f = sigmoid(z[H + k]!);
    const g = Math.tanh(z[2 * H + k]!);
    const o = sigmoid(z[3 * H + k]!);
    const ck = f * c[k]! + i * g;
    c[k] = ck;
    h[k] = o * Math.tanh(ck);
  }
}
