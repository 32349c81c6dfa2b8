/**
 * PyTorch nn.RNN / nn.LSTM / nn.GRU (single layer, unidirectional) state_dict → canonical.
 *
 *   weight_ih_l0 [G·H][I], weight_hh_l0 [G·H][H], bias_ih_l0 [G·H], bias_hh_l0 [G·H]
 *   gate blocks (rows) in the order of the kind's PyTorch layout (its module in kinds/): LSTM
 *   i,f,g,o; GRU r,z,n; RNN a single block.
 *
 * nn.RNN's nonlinearity ('tanh' or 'relu') is not in its tensors: the caller passes it.
 *
 * PyTorch's GRU is always reset-after, and its bias_hh_n sits inside the reset product, which
 * is why canonical params keep bW and bU apart. bias_ih/bias_hh map to bW/bU exactly.
 */
import { type CellKind, type CellParams, kindOf } from '../kinds';
import { assemble, layoutOf } from './assemble';
import { MissingFieldError, UnsupportedOptionError } from './errors';
import { expectShape, inferDim, readOptional, readRequired, rowBlock, vecSlice } from './shape';

/** A kind with a PyTorch layout (nn.RNN, nn.LSTM, nn.GRU); others are refused naming pytorch.kind. */
type PytorchKind = CellKind;

interface PytorchTensors {
  readonly weight_ih_l0: unknown;
  readonly weight_hh_l0: unknown;
  /** Both biases absent means bias=False; one without the other is an error. */
  readonly bias_ih_l0?: unknown;
  readonly bias_hh_l0?: unknown;
}

interface PytorchOptions {
  /** nn.RNN's nonlinearity (default 'tanh'); nn.LSTM and nn.GRU have none to choose. */
  readonly nonlinearity?: 'tanh' | 'relu';
}

export function fromPytorch(kind: PytorchKind, tensors: PytorchTensors, opts: PytorchOptions = {}): CellParams {
  const { kind: k, layout } = layoutOf('pytorch', kind);
  const order = layout.order;
  const nl = opts.nonlinearity;
  // Only nn.RNN has a nonlinearity to choose; the gated layers' tanh is fixed.
  const choices: readonly string[] = kindOf(k).stateActivations;
  if (nl !== undefined && !choices.includes(nl)) {
    throw new UnsupportedOptionError('pytorch.nonlinearity', nl, choices.map((c) => `'${c}'`).join(' or '));
  }
  const G = order.length;
  const P = 'pytorch';
  const hh = readRequired(tensors, 'weight_hh_l0', P);
  const ih = readRequired(tensors, 'weight_ih_l0', P);
  const H = inferDim(hh, 2, 1, `[${G}·H][H]`);
  expectShape(hh, [G * H, H], `G=${G} gates, H=${H} from its last dimension`);
  const I = inferDim(ih, 2, 1, `[${G}·H][I]`);
  expectShape(ih, [G * H, I], `G=${G} gates, H=${H} from weight_hh_l0`);

  const bih = readOptional(tensors, 'bias_ih_l0', P);
  const bhh = readOptional(tensors, 'bias_hh_l0', P);
  if (bih && !bhh) throw new MissingFieldError(`${P}.bias_hh_l0`, `[${G * H}] (bias_ih_l0 is present)`);
  if (bhh && !bih) throw new MissingFieldError(`${P}.bias_ih_l0`, `[${G * H}] (bias_hh_l0 is present)`);
  if (bih) expectShape(bih, [G * H]);
  if (bhh) expectShape(bhh, [G * H]);

  return assemble({ kind: k, inputSize: I, hiddenSize: H, gateActivation: 'sigmoid', reset: 'after', activation: nl ?? 'tanh' }, (name) => {
    const b = order.indexOf(name);
    return {
      W: rowBlock(ih, b * H, H, I),
      U: rowBlock(hh, b * H, H, H),
      bW: vecSlice(bih, b * H, H),
      bU: vecSlice(bhh, b * H, H),
    };
  });
}
