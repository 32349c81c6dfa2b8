/**
 * Canonical CellParams → native layouts, as nested number arrays (JSON-ready). The inverse of
 * the importers; used by the round-trip tests, by the tfjs agreement test (which loads Keras
 * layout into tf.layers) and by the benchmark.
 *
 * Keras' single bias is bW + bU, so exporting to it loses the split (never the behaviour).
 */
import type { Affine, Matrix, Vec } from '../types';
import type { CellParams } from '../kinds';
import { type GateName, gatesOf } from './assemble';
import { UnsupportedOptionError } from './errors';

type Nested2 = number[][];

function gateOf(p: CellParams, g: GateName): Affine {
  if (p.kind === 'rnn') return p.a;
  return (p.gates as Readonly<Record<string, Affine>>)[g]!;
}

const rows = (m: Matrix): Nested2 => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

/** Stacks the gates' matrices row-wise: [G·H][cols] (PyTorch, ONNX). */
function stackRows(p: CellParams, order: readonly GateName[], pick: (a: Affine) => Matrix): Nested2 {
  return order.flatMap((g) => rows(pick(gateOf(p, g))));
}

/** Column-blocked transpose: K[c][b·H + r] = M_b[r][c] (Keras kernels). */
function stackColsT(p: CellParams, order: readonly GateName[], pick: (a: Affine) => Matrix): Nested2 {
  const first = pick(gateOf(p, order[0]!));
  const H = first.rows;
  const out: Nested2 = Array.from({ length: first.cols }, () => new Array<number>(order.length * H).fill(0));
  order.forEach((g, b) => {
    const m = pick(gateOf(p, g));
    for (let r = 0; r < H; r++) for (let c = 0; c < m.cols; c++) out[c]![b * H + r] = m.data[r * m.cols + c]!;
  });
  return out;
}

const cat = (p: CellParams, order: readonly GateName[], pick: (a: Affine) => Vec): number[] => order.flatMap((g) => Array.from(pick(gateOf(p, g))));

export function toCanonical(p: CellParams): Record<string, number[] | Nested2> {
  const out: Record<string, number[] | Nested2> = {};
  for (const g of gatesOf(p.kind)) {
    const a = gateOf(p, g);
    const s = p.kind === 'rnn' ? '' : `_${g}`;
    out[`W${s}`] = rows(a.W);
    out[`U${s}`] = rows(a.U);
    out[`bW${s}`] = Array.from(a.bW);
    out[`bU${s}`] = Array.from(a.bU);
    out[`b${s}`] = Array.from(a.bW, (v, k) => v + a.bU[k]!);
  }
  if (p.kind === 'peephole') {
    out.p_i = Array.from(p.peep.i);
    out.p_f = Array.from(p.peep.f);
    out.p_o = Array.from(p.peep.o);
  }
  return out;
}

function unsupported(fw: string, p: CellParams, why: string): never {
  throw new UnsupportedOptionError(`${fw}.kind`, p.kind, why);
}

export function toPytorch(p: CellParams) {
  if (p.kind === 'peephole' || p.kind === 'coupled') unsupported('pytorch', p, 'rnn, lstm, gru');
  if (p.kind === 'gru' && p.reset !== 'after') unsupported('pytorch', p, 'reset-after GRU only');
  if (p.kind !== 'rnn' && p.gateActivation !== 'sigmoid') unsupported('pytorch', p, 'sigmoid gates only');
  const order: readonly GateName[] = p.kind === 'gru' ? ['r', 'z', 'n'] : gatesOf(p.kind);
  return {
    weight_ih_l0: stackRows(p, order, (a) => a.W),
    weight_hh_l0: stackRows(p, order, (a) => a.U),
    bias_ih_l0: cat(p, order, (a) => a.bW),
    bias_hh_l0: cat(p, order, (a) => a.bU),
  };
}

export function toKeras(p: CellParams) {
  if (p.kind === 'peephole' || p.kind === 'coupled') unsupported('keras', p, 'rnn, lstm, gru');
  const order: readonly GateName[] = gatesOf(p.kind);
  const kernel = stackColsT(p, order, (a) => a.W);
  const recurrent_kernel = stackColsT(p, order, (a) => a.U);
  const resetAfter = p.kind === 'gru' && p.reset === 'after';
  const bias = resetAfter ? [cat(p, order, (a) => a.bW), cat(p, order, (a) => a.bU)] : cat(p, order, (a) => a.bW.map((v, k) => v + a.bU[k]!));
  return {
    tensors: { kernel, recurrent_kernel, bias },
    opts: { reset_after: resetAfter, gateActivation: p.kind === 'rnn' ? 'sigmoid' : p.gateActivation, activation: 'activation' in p ? p.activation : 'tanh' } as const,
  };
}

export function toOnnx(p: CellParams) {
  const op: 'rnn' | 'lstm' | 'gru' = p.kind === 'rnn' ? 'rnn' : p.kind === 'gru' ? 'gru' : 'lstm';
  if (p.kind === 'coupled' && p.coupling !== 'f=1-i') unsupported('onnx', p, "coupling 'f=1-i' (input_forget)");
  const order: readonly GateName[] = op === 'lstm' ? ['i', 'o', 'f', 'g'] : gatesOf(p.kind);
  const gate = p.kind !== 'rnn' && p.gateActivation === 'hardSigmoid' ? 'HardSigmoid' : 'Sigmoid';
  const state = 'activation' in p && p.activation === 'relu' ? 'Relu' : 'Tanh';
  const activations = op === 'rnn' ? [state] : op === 'gru' ? [gate, 'Tanh'] : [gate, 'Tanh', 'Tanh'];
  const tensors: { W: Nested2[]; R: Nested2[]; B: number[][]; P?: number[][] } = {
    W: [stackRows(p, order, (a) => a.W)],
    R: [stackRows(p, order, (a) => a.U)],
    B: [[...cat(p, order, (a) => a.bW), ...cat(p, order, (a) => a.bU)]],
  };
  if (p.kind === 'peephole') tensors.P = [[...p.peep.i, ...p.peep.o, ...p.peep.f]];
  return {
    op,
    tensors,
    opts: {
      activations,
      linear_before_reset: p.kind === 'gru' && p.reset === 'after' ? 1 : 0,
      input_forget: p.kind === 'coupled' ? 1 : 0,
    } as const,
  };
}
