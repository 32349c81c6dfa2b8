/** The LSTM family's params, trace and gradients (its modules: lstm.ts, peephole.ts, coupled.ts). */
import type { AffineGrads } from '../grad/types';
import type { Affine, Coupling, GateActivation, ParamsBase, Vec } from '../types';

export type LstmGate = 'i' | 'f' | 'g' | 'o';

interface LstmFamilyBase extends ParamsBase {
  readonly gates: Readonly<Record<LstmGate, Affine>>;
  readonly gateActivation: GateActivation;
}

export interface LstmParams extends LstmFamilyBase {
  readonly kind: 'lstm';
}

/** Peephole weights are diagonal (one per unit), as in Gers & Schmidhuber and ONNX's P. */
export interface PeepholeParams extends LstmFamilyBase {
  readonly kind: 'peephole';
  readonly peep: Readonly<{ i: Vec; f: Vec; o: Vec }>;
}

export interface CoupledParams extends LstmFamilyBase {
  readonly kind: 'coupled';
  readonly coupling: Coupling;
}

export type LstmFamilyParams = LstmParams | PeepholeParams | CoupledParams;

/** One trace shape for the three LSTM kinds; what a kind lacks is null. */
export interface LstmTrace {
  readonly kind: LstmFamilyParams['kind'];
  readonly x: Vec;
  readonly hPrev: Vec;
  readonly cPrev: Vec;
  /** Pre-activations (peephole terms included). A coupled cell's derived gate has none: null. */
  readonly pre: { readonly i: Vec | null; readonly f: Vec | null; readonly g: Vec; readonly o: Vec };
  readonly f: Vec;
  readonly i: Vec;
  /** The candidate C̃_t = tanh(pre.g) (PyTorch calls it g, Keras c). */
  readonly cTilde: Vec;
  readonly c: Vec;
  readonly o: Vec;
  /** tanh(C_t), which the output gate scales into h. */
  readonly tanhC: Vec;
  readonly h: Vec;
}

/**
 * A coupled cell's derived gate keeps its (ignored) weights in the params, so its grads exist
 * too and stay exactly zero: the loss does not depend on them.
 */
export interface LstmFamilyGrads {
  readonly kind: LstmFamilyParams['kind'];
  readonly gates: Readonly<Record<LstmGate, AffineGrads>>;
  /** Peephole weights' gradients; null for the kinds that have none. */
  readonly dpeep: Readonly<{ i: Vec; f: Vec; o: Vec }> | null;
}
