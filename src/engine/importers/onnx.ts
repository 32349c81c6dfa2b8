/**
 * ONNX RNN / LSTM / GRU operator inputs (opset 7–22, layout=0, direction forward) → canonical.
 *
 *   W [1][G·H][I], R [1][G·H][H], B [1][2·G·H] = [Wb, Rb], LSTM P [1][3H] = [p_i, p_o, p_f]
 *   gate blocks (rows): LSTM i,o,f,c(=g); GRU z,r,h(=n); RNN one block.
 *
 * Attributes: GRU linear_before_reset=1 is reset-after; LSTM input_forget=1 is the coupled cell
 * with f = 1 - i (what onnxruntime computes); P makes a peephole cell. The f blocks of a coupled
 * LSTM are kept in the canonical params (the engine ignores them) so exporting round-trips.
 *
 * The op, its block order and default activations are each kind's ONNX layout (kinds/); the kind
 * given names the op, and the tensors and attributes pick the kind among those sharing it (an
 * LSTM node with P is a peephole cell, with input_forget=1 a coupled one).
 */
import type { GateActivation, Vec } from '../types';
import { type AnyKind, type CellKind, type CellParams, KINDS, kindOf } from '../kinds';
import { assemble, layoutOf } from './assemble';
import { UnsupportedOptionError } from './errors';
import { expectShape, flagOpt, inferDim, readOptional, readRequired, rowBlock, vecSlice } from './shape';

/** A kind with an ONNX layout; it names the op (RNN, LSTM, GRU) whose node is read. */
type OnnxKind = CellKind;

interface OnnxTensors {
  readonly W: unknown;
  readonly R: unknown;
  /** Optional in ONNX: absent means zero biases. */
  readonly B?: unknown;
  /** LSTM only, optional: peephole weights. */
  readonly P?: unknown;
}

export interface OnnxOptions {
  readonly linear_before_reset?: 0 | 1 | boolean;
  readonly input_forget?: 0 | 1 | boolean;
  /** Forward activations, e.g. ['Sigmoid','Tanh','Tanh'] for LSTM. */
  readonly activations?: readonly string[];
  readonly activation_alpha?: readonly number[];
  readonly activation_beta?: readonly number[];
  readonly direction?: string;
  readonly hidden_size?: number;
  readonly layout?: number;
  readonly clip?: number;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6; // attributes are float32

/**
 * Maps the activations list onto the engine's options: the gate function may vary, and so may
 * the one function of a gateless layer (Tanh, or Relu as nn.RNN(nonlinearity='relu') exports).
 */
function parseActivations(spec: AnyKind, opts: OnnxOptions): { gate: GateActivation; state: 'tanh' | 'relu' } {
  const defaults = spec.layouts.onnx!.activations!;
  const acts = opts.activations ?? defaults;
  const F = 'onnx.activations';
  const expectedLen = defaults.length;
  if (!Array.isArray(acts) || acts.length !== expectedLen) {
    throw new UnsupportedOptionError(F, acts, `${expectedLen} names (forward direction only)`);
  }
  const alphas = opts.activation_alpha ?? [];
  const betas = opts.activation_beta ?? [];
  let used = 0; // alpha/beta are consumed in order by the activations that take them
  let gate: GateActivation = 'sigmoid';
  let state: 'tanh' | 'relu' = 'tanh';
  const hasGates = spec.gates.length > 1;
  const relu = spec.stateActivations.includes('relu');
  acts.forEach((name: unknown, k) => {
    const n = typeof name === 'string' ? name.toLowerCase() : '';
    const isGate = hasGates && k === 0;
    if (!isGate && relu && n === 'relu') {
      state = 'relu';
      return;
    }
    if (isGate && n === 'sigmoid') return;
    if (isGate && n === 'hardsigmoid') {
      const a = alphas[used] ?? 0.2;
      const b = betas[used] ?? 0.5;
      used++;
      if (!near(a, 0.2) || !near(b, 0.5)) {
        throw new UnsupportedOptionError('onnx.activation_alpha', [a, b], 'HardSigmoid with alpha 0.2, beta 0.5');
      }
      gate = 'hardSigmoid';
      return;
    }
    if (!isGate && n === 'tanh') return;
    throw new UnsupportedOptionError(`${F}[${k}]`, name, isGate ? "'Sigmoid' or 'HardSigmoid'" : relu ? "'Tanh' or 'Relu'" : "'Tanh'");
  });
  return { gate, state };
}

function checkAttributes(spec: AnyKind, opts: OnnxOptions): void {
  if (opts.direction !== undefined && opts.direction !== 'forward') {
    throw new UnsupportedOptionError('onnx.direction', opts.direction, "'forward'");
  }
  if (opts.layout !== undefined && opts.layout !== 0) {
    throw new UnsupportedOptionError('onnx.layout', opts.layout, '0');
  }
  if (opts.clip !== undefined) throw new UnsupportedOptionError('onnx.clip', opts.clip, 'no clip');
  if (spec.variant !== 'reset' && opts.linear_before_reset !== undefined && flagOpt('onnx.linear_before_reset', opts.linear_before_reset)) {
    throw new UnsupportedOptionError('onnx.linear_before_reset', opts.linear_before_reset, 'GRU only');
  }
  if (!canCouple(spec) && flagOpt('onnx.input_forget', opts.input_forget)) {
    throw new UnsupportedOptionError('onnx.input_forget', opts.input_forget, 'LSTM only');
  }
}

/** The registered kinds read from the same ONNX op as `spec`. */
const sharingOp = (spec: AnyKind) => KINDS.filter((k) => k.layouts.onnx?.op === spec.layouts.onnx!.op);
/** Whether the op also makes a peephole cell (its P input) or a coupled one (input_forget). */
const canPeep = (spec: AnyKind) => sharingOp(spec).some((k) => k.peepholes);
const canCouple = (spec: AnyKind) => sharingOp(spec).some((k) => k.variant === 'coupling');

export function fromOnnx(kind: OnnxKind, tensors: OnnxTensors, opts: OnnxOptions = {}): CellParams {
  const { kind: named, layout } = layoutOf('onnx', kind);
  const spec = kindOf(named);
  checkAttributes(spec, opts);
  const { gate: gateActivation, state: activation } = parseActivations(spec, opts);
  const order = layout.order;
  const G = order.length;
  const P = 'onnx';
  const R = readRequired(tensors, 'R', P);
  const W = readRequired(tensors, 'W', P);
  const H = inferDim(R, 3, 2, `[1][${G}·H][H]`);
  expectShape(R, [1, G * H, H], `1 direction, G=${G} gates, H=${H} from its last dimension`);
  if (opts.hidden_size !== undefined && opts.hidden_size !== H) {
    throw new UnsupportedOptionError('onnx.hidden_size', opts.hidden_size, `${H} (the size of R)`);
  }
  const I = inferDim(W, 3, 2, `[1][${G}·H][I]`);
  expectShape(W, [1, G * H, I], `1 direction, G=${G} gates, H=${H} from R`);
  const B = readOptional(tensors, 'B', P);
  if (B) expectShape(B, [1, 2 * G * H], '[Wb, Rb]');
  const Pt = readOptional(tensors, 'P', P);
  if (Pt && !canPeep(spec)) throw new UnsupportedOptionError('onnx.P', 'a peephole tensor', 'LSTM only');
  if (Pt) expectShape(Pt, [1, 3 * H], '[p_i, p_o, p_f]');
  const coupled = flagOpt('onnx.input_forget', opts.input_forget) === true;
  if (coupled && Pt) {
    throw new UnsupportedOptionError('onnx.input_forget', 1, 'input_forget=1 without P (no coupled peephole cell)');
  }

  const peep = Pt ? { i: vecSlice(Pt, 0, H), o: vecSlice(Pt, H, H), f: vecSlice(Pt, 2 * H, H) } : undefined;
  // Among the kinds of this op: the one with peepholes exactly when P is given, coupled exactly when input_forget=1.
  const cellKind = sharingOp(spec).find((s) => s.peepholes === Boolean(Pt) && (s.variant === 'coupling') === coupled)!.id;
  const reset = flagOpt('onnx.linear_before_reset', opts.linear_before_reset) ? 'after' : 'before';
  const peepOpt: { peep?: { i: Vec; f: Vec; o: Vec } } = peep ? { peep } : {};

  return assemble({ kind: cellKind, inputSize: I, hiddenSize: H, gateActivation, reset, coupling: 'f=1-i', activation, ...peepOpt }, (name) => {
    const b = order.indexOf(name);
    return {
      W: rowBlock(W, b * H, H, I),
      U: rowBlock(R, b * H, H, H),
      bW: vecSlice(B, b * H, H),
      bU: vecSlice(B, G * H + b * H, H),
    };
  });
}
