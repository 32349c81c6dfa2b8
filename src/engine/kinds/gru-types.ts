/** The GRU's params, trace and gradients (its module is gru.ts). */
import type { AffineGrads } from '../grad/types';
import type { Affine, GateActivation, GruReset, ParamsBase, Vec } from '../types';

type GruGate = 'z' | 'r' | 'n';

export interface GruParams extends ParamsBase {
  readonly kind: 'gru';
  readonly gates: Readonly<Record<GruGate, Affine>>;
  readonly gateActivation: GateActivation;
  readonly reset: GruReset;
}

export interface GruTrace {
  readonly kind: 'gru';
  readonly x: Vec;
  readonly hPrev: Vec;
  readonly pre: { readonly z: Vec; readonly r: Vec; readonly n: Vec };
  readonly z: Vec;
  readonly r: Vec;
  readonly n: Vec;
  readonly h: Vec;
}

export interface GruGrads {
  readonly kind: 'gru';
  readonly gates: Readonly<Record<GruGate, AffineGrads>>;
}
