/**
 * Backpropagation through time over a traced sequence (traces from `run`):
 *
 *   dh = ∂L/∂h_T (dLdhFinal),  dC = ∂L/∂C_T (dLdcFinal),  dE = ∂L/∂extra_T (dLdExtraFinal)
 *   for t = T..1:
 *     dh += dLdh[t]                       the loss's direct gradient on h_t (may be zero)
 *     { dx_t, dh, dC, dE } = backwardStep(params, trace_t, dh, dC, grads, dE)
 *   dh0 = dh,  dc0 = dC,  dextra0 = dE
 *
 * dE is the gradient on a kind's further states (CellState.extra: sLSTM's n, m; mLSTM's C, n, m),
 * zero-length for the classic kinds, which have none. A stabiliser m is held fixed by its kind's
 * step back (exact when the loss reads the state only through what the cell outputs, as every
 * loss here does: see kinds/slstm.ts), so its entry in dLdExtraFinal is not read, and its entry
 * in dextra0 is ∂L/∂m_0 with m_1 … m_T held fixed.
 *
 * Here h_t is traces[t-1].h (h_0 is the initial state), and dLdh[t-1] is the gradient on it.
 * Weight gradients are summed over all steps into one fresh CellGrads.
 */
import { type CellGrads, type CellParams, extraLengthOf, kindOf, type StepTrace } from '../kinds';
import type { Vec } from '../types';
import { backwardStep } from './backward-step';
import { zeroGrads } from './views';

export interface BpttResult {
  /** ∂L/∂x_t for every step, in the order of the traces. */
  readonly dx: Vec[];
  /** ∂L/∂h_0, the gradient on the initial hidden state. */
  readonly dh0: Vec;
  /** ∂L/∂C_0; null for cells without a cell state. */
  readonly dc0: Vec | null;
  /** ∂L/∂extra_0, the gradient on the initial further states; null for kinds without them. */
  readonly dextra0: Vec | null;
  readonly grads: CellGrads;
  /** ∂L/∂h_t for every step (the total: from later steps and the loss's direct term), in trace order. */
  readonly dh: Vec[];
  /** ∂L/∂C_t for every step, in full (through C_{t+1} and through h_t); null for cells without a cell state. */
  readonly dc: Vec[] | null;
}

export function bptt(p: CellParams, traces: readonly StepTrace[], dLdh: readonly Vec[], dLdhFinal?: Vec, dLdcFinal?: Vec, dLdExtraFinal?: Vec): BpttResult {
  if (dLdh.length !== traces.length) {
    throw new Error(`bptt: ${traces.length} steps but ${dLdh.length} upstream gradients`);
  }
  const H = p.hiddenSize;
  const withC = kindOf(p.kind).hasCellState;
  const E = extraLengthOf(p.kind, H);
  if (dLdExtraFinal && dLdExtraFinal.length !== E) throw new Error(`bptt: dLdExtraFinal has ${dLdExtraFinal.length} values, a ${p.kind} cell of ${H} units carries ${E}`);
  const grads = zeroGrads(p);
  const dx: Vec[] = new Array<Vec>(traces.length);
  // Kept, not copied: each step's sum is a fresh array that nothing writes to afterwards.
  const dhs: Vec[] = new Array<Vec>(traces.length);
  const dcs: Vec[] | null = withC ? new Array<Vec>(traces.length) : null;
  let dh: Vec = dLdhFinal ? Float64Array.from(dLdhFinal) : new Float64Array(H);
  let dc: Vec | null = withC ? (dLdcFinal ? Float64Array.from(dLdcFinal) : new Float64Array(H)) : null;
  let dextra: Vec | null = E > 0 ? (dLdExtraFinal ? Float64Array.from(dLdExtraFinal) : new Float64Array(E)) : null;

  for (let t = traces.length - 1; t >= 0; t--) {
    const direct = dLdh[t]!;
    // Fresh sum, so neither the caller's arrays nor the previous step's result are modified.
    const dhT = new Float64Array(H);
    for (let k = 0; k < H; k++) dhT[k] = dh[k]! + direct[k]!;
    dhs[t] = dhT;
    const back = backwardStep(p, traces[t]!, dhT, dc, grads, dextra);
    if (dcs && back.dc) dcs[t] = back.dc;
    dx[t] = back.dx;
    dh = back.dhPrev;
    dc = back.dcPrev;
    dextra = back.dextraPrev ?? null;
  }
  return { dx, dh0: dh, dc0: dc, dextra0: dextra, grads, dh: dhs, dc: dcs };
}
