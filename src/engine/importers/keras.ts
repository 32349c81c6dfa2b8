/**
 * Keras (Python) and tfjs `tf.layers` SimpleRNN / LSTM / GRU weights → canonical.
 *
 *   kernel [I][G·H] (= Wᵀ), recurrent_kernel [H][G·H] (= Uᵀ)
 *   bias [G·H] (= bW + bU), or for GRU reset_after=True [2][G·H] = [bW; bU]
 *   gate blocks (columns): LSTM i,f,c(=g),o; GRU z,r,h(=n).
 *
 * A single bias carries only the sum bW + bU; we put it all on the input side (bU = 0), which is
 * exact for every cell that uses one: only the reset-after GRU separates the two, and it has two.
 */
import type { GateActivation } from '../types';
import { type CellKind, type CellParams, kindOf } from '../kinds';
import { assemble, layoutOf } from './assemble';
import { UnsupportedOptionError } from './errors';
import { colBlockT, expectShape, flagOpt, gateActivationOpt, inferDim, readOptional, readRequired, vecSlice } from './shape';

/** A kind with a Keras layout (SimpleRNN, LSTM, GRU); others are refused naming keras.kind. */
type KerasKind = CellKind;

interface KerasTensors {
  readonly kernel: unknown;
  readonly recurrent_kernel: unknown;
  /** Absent means use_bias=False. */
  readonly bias?: unknown;
}

export interface KerasOptions {
  /**
   * GRU only. Keras 2.x/3 default to true, tfjs supports only false. When omitted it is read off
   * the bias: [2][3H] means true, [3H] means false.
   */
  readonly reset_after?: boolean | 0 | 1;
  /** `recurrent_activation`: Keras defaults to sigmoid, tfjs to hardSigmoid. Default 'sigmoid'. */
  readonly gateActivation?: GateActivation;
  /** SimpleRNN's `activation`: 'tanh' (the default) or 'relu'; the gated layers' tanh is fixed. */
  readonly activation?: 'tanh' | 'relu';
}

export function fromKeras(kind: KerasKind, tensors: KerasTensors, opts: KerasOptions = {}): CellParams {
  const { kind: k, layout } = layoutOf('keras', kind);
  // Only a kind whose variant is the reset placement (the GRU) has reset_after.
  const hasReset = kindOf(k).variant === 'reset';
  const P = 'keras';
  const gateActivation = gateActivationOpt(`${P}.gateActivation`, opts.gateActivation, 'sigmoid');
  let resetAfter = flagOpt(`${P}.reset_after`, opts.reset_after);
  if (!hasReset && resetAfter) {
    throw new UnsupportedOptionError(`${P}.reset_after`, true, 'only GRU layers have reset_after');
  }
  const order = layout.order;
  const G = order.length;
  const act = opts.activation;
  const choices: readonly string[] = kindOf(k).stateActivations;
  if (act !== undefined && !choices.includes(act)) throw new UnsupportedOptionError(`${P}.activation`, act, choices.map((c) => `'${c}'`).join(' or '));
  const rk = readRequired(tensors, 'recurrent_kernel', P);
  const kn = readRequired(tensors, 'kernel', P);
  const H = inferDim(rk, 2, 0, `[H][${G}·H]`);
  expectShape(rk, [H, G * H], `G=${G} gates, H=${H} from its first dimension`);
  const I = inferDim(kn, 2, 0, `[I][${G}·H]`);
  expectShape(kn, [I, G * H], `G=${G} gates, H=${H} from recurrent_kernel`);

  const bias = readOptional(tensors, 'bias', P);
  if (hasReset && resetAfter === undefined) resetAfter = bias?.shape.length === 2;
  if (bias) {
    const twoRows = resetAfter === true;
    expectShape(bias, twoRows ? [2, G * H] : [G * H], twoRows ? 'reset_after=True: [input; recurrent]' : '');
  }
  // With two bias rows, row 1 (the recurrent bias) starts at G·H in the flat data.
  const recOffset = resetAfter ? G * H : -1;

  return assemble(
    {
      kind: k,
      inputSize: I,
      hiddenSize: H,
      gateActivation,
      reset: resetAfter ? 'after' : 'before',
      activation: act ?? 'tanh',
    },
    (name) => {
      const b = order.indexOf(name);
      return {
        W: colBlockT(kn, b * H, H, I, G * H),
        U: colBlockT(rk, b * H, H, H, G * H),
        bW: vecSlice(bias, b * H, H),
        bU: recOffset < 0 ? new Float64Array(H) : vecSlice(bias, recOffset + b * H, H),
      };
    },
  );
}
