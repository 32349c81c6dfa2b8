/**
 * Coupled-gate LSTM: one decision for forgetting and writing. Two conventions exist:
 *
 *   'i=1-f' (colah 2015's figure, the default on screen):
 *       f_t = σ(W_f x_t + bW_f + U_f h_{t-1} + bU_f),   i_t = 1 - f_t
 *   'f=1-i' (Greff et al.'s CIFG, ONNX input_forget=1, onnxruntime):
 *       i_t = σ(W_i x_t + bW_i + U_i h_{t-1} + bU_i),   f_t = 1 - i_t
 *
 *   then, as in the LSTM:  C_t = f_t * C_{t-1} + i_t * C̃_t,  h_t = o_t * tanh(C_t)
 *
 * The derived gate's weights are present in the canonical layout but ignored; its
 * pre-activation in the trace is null.
 */
import type { CellState, CoupledParams, LstmTrace, StepResult, Vec } from '../types';
import { lstmFamilyStep } from './lstm';

export function coupledStep(p: CoupledParams, s: CellState, x: Vec): StepResult<LstmTrace> {
  return lstmFamilyStep(p, s, x, { coupling: p.coupling });
}
