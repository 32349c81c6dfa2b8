/**
 * The baseline for the engine's speed: a bare, hand-fused LSTM step. One [4H][I+H] matrix times
 * the concatenated [x; h], activations in place, no trace, no allocation per step. It is what
 * the engine would cost if it kept nothing for the student to look at.
 */
import { dot, dot2, sigmoid } from '../src/engine';
import type { LstmParams } from '../src/engine';

interface BareLstm {
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
  // The engine's own mat-vec kernel (rows in pairs, four accumulators each), over the fused
  // matrix: otherwise the ratio would measure the kernel rather than the cost of the trace.
  const R = 4 * H;
  let r = 0;
  for (; r + 1 < R; r += 2) {
    dot2(Wcat, r * K, (r + 1) * K, xh, K, z, r);
    z[r] = bias[r]! + z[r]!;
    z[r + 1] = bias[r + 1]! + z[r + 1]!;
  }
  for (; r < R; r++) z[r] = bias[r]! + dot(Wcat, r * K, xh, K);
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
