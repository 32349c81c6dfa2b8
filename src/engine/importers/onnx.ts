/**
 * ONNX RNN / LSTM / GRU operator inputs (opset 7–22, layout=0, direction forward) → canonical.
 *
 *   W [1][G·H][I], R [1][G·H][H], B [1][2·G·H] = [Wb, Rb], LSTM P [1][3H] = [p_i, p_o, p_f]
 *   gate blocks (rows): LSTM i,o,f,c(=g); GRU z,r,h(=n); RNN one block.
 *
 * Attributes: GRU linear_before_reset=1 is reset-after; LSTM input_forget=1 is the coupled cell
 * with f = 1 - i (what onnxruntime computes); P makes a peephole cell. The f blocks of a coupled
 * LSTM are kept in the canonical params (the engine ignores them) so exporting round-trips.
 */
import type { GateActivation, Vec } from '../types';
import type { CellParams } from '../kinds';
import { assemble, type GateName } from './assemble';
import { UnsupportedOptionError } from './errors';
import { checkKind, expectShape, flagOpt, inferDim, readOptional, readRequired, rowBlock, vecSlice } from './shape';

type OnnxKind = 'rnn' | 'lstm' | 'gru';

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

const ORDER: Record<OnnxKind, readonly GateName[]> = {
  rnn: ['a'],
  lstm: ['i', 'o', 'f', 'g'],
  gru: ['z', 'r', 'n'],
};

/** ONNX defaults: LSTM f,g,h = Sigmoid,Tanh,Tanh; GRU f,g = Sigmoid,Tanh; RNN Tanh. */
const DEFAULT_ACTS: Record<OnnxKind, readonly string[]> = {
  rnn: ['Tanh'],
  lstm: ['Sigmoid', 'Tanh', 'Tanh'],
  gru: ['Sigmoid', 'Tanh'],
};

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6; // attributes are float32

/** Maps the activations list onto the engine's options: only the gate function may vary. */
function parseActivations(kind: OnnxKind, opts: OnnxOptions): GateActivation {
  const acts = opts.activations ?? DEFAULT_ACTS[kind];
  const F = 'onnx.activations';
  const expectedLen = DEFAULT_ACTS[kind].length;
  if (!Array.isArray(acts) || acts.length !== expectedLen) {
    throw new UnsupportedOptionError(F, acts, `${expectedLen} names (forward direction only)`);
  }
  const alphas = opts.activation_alpha ?? [];
  const betas = opts.activation_beta ?? [];
  let used = 0; // alpha/beta are consumed in order by the activations that take them
  let gate: GateActivation = 'sigmoid';
  acts.forEach((name: unknown, k) => {
    const n = typeof name === 'string' ? name.toLowerCase() : '';
    const isGate = kind !== 'rnn' && k === 0;
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
    throw new UnsupportedOptionError(`${F}[${k}]`, name, isGate ? "'Sigmoid' or 'HardSigmoid'" : "'Tanh'");
  });
  return gate;
}

function checkAttributes(kind: OnnxKind, opts: OnnxOptions): void {
  if (opts.direction !== undefined && opts.direction !== 'forward') {
    throw new UnsupportedOptionError('onnx.direction', opts.direction, "'forward'");
  }
  if (opts.layout !== undefined && opts.layout !== 0) {
    throw new UnsupportedOptionError('onnx.layout', opts.layout, '0');
  }
  if (opts.clip !== undefined) throw new UnsupportedOptionError('onnx.clip', opts.clip, 'no clip');
  if (kind !== 'gru' && opts.linear_before_reset !== undefined && flagOpt('onnx.linear_before_reset', opts.linear_before_reset)) {
    throw new UnsupportedOptionError('onnx.linear_before_reset', opts.linear_before_reset, 'GRU only');
  }
  if (kind !== 'lstm' && flagOpt('onnx.input_forget', opts.input_forget)) {
    throw new UnsupportedOptionError('onnx.input_forget', opts.input_forget, 'LSTM only');
  }
}

export function fromOnnx(kind: OnnxKind, tensors: OnnxTensors, opts: OnnxOptions = {}): CellParams {
  const k = checkKind('onnx.kind', kind, ['rnn', 'lstm', 'gru'] as const);
  checkAttributes(k, opts);
  const gateActivation = parseActivations(k, opts);
  const order = ORDER[k];
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
  if (Pt && k !== 'lstm') throw new UnsupportedOptionError('onnx.P', 'a peephole tensor', 'LSTM only');
  if (Pt) expectShape(Pt, [1, 3 * H], '[p_i, p_o, p_f]');
  const coupled = flagOpt('onnx.input_forget', opts.input_forget) === true;
  if (coupled && Pt) {
    throw new UnsupportedOptionError('onnx.input_forget', 1, 'input_forget=1 without P (no coupled peephole cell)');
  }

  const peep = Pt ? { i: vecSlice(Pt, 0, H), o: vecSlice(Pt, H, H), f: vecSlice(Pt, 2 * H, H) } : undefined;
  const cellKind = k === 'lstm' ? (Pt ? 'peephole' : coupled ? 'coupled' : 'lstm') : k;
  const reset = flagOpt('onnx.linear_before_reset', opts.linear_before_reset) ? 'after' : 'before';
  const peepOpt: { peep?: { i: Vec; f: Vec; o: Vec } } = peep ? { peep } : {};

  return assemble({ kind: cellKind, inputSize: I, hiddenSize: H, gateActivation, reset, coupling: 'f=1-i', ...peepOpt }, (name) => {
    const b = order.indexOf(name);
    return {
      W: rowBlock(W, b * H, H, I),
      U: rowBlock(R, b * H, H, H),
      bW: vecSlice(B, b * H, H),
      bU: vecSlice(B, G * H + b * H, H),
    };
  });
}
