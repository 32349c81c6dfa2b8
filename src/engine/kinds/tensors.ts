/** Weight tensors (spec.ts's WeightTensor) of the shapes the kinds share, and zero params to fill. */
import { matrix } from '../math';
import type { Affine, InputAffine, Matrix, Vec } from '../types';
import type { WeightTensor } from './spec';

const mat = (path: string, m: Matrix): WeightTensor => ({ path, shape: [m.rows, m.cols], data: m.data });
export const vecTensor = (path: string, v: Vec): WeightTensor => ({ path, shape: [v.length], data: v });

/** A classic gate's W, U, bW, bU under `prefix` ('f.W', 'f.U', 'f.bW', 'f.bU'). */
export function affineTensors(prefix: string, a: Affine): WeightTensor[] {
  return [mat(`${prefix}.W`, a.W), mat(`${prefix}.U`, a.U), vecTensor(`${prefix}.bW`, a.bW), vecTensor(`${prefix}.bU`, a.bU)];
}

/** A map of x_t alone: W and b under `prefix` ('z.W', 'z.b'). */
export function inputAffineTensors(prefix: string, a: InputAffine): WeightTensor[] {
  return [mat(`${prefix}.W`, a.W), vecTensor(`${prefix}.b`, a.b)];
}

export const emptyAffine = (I: number, H: number): Affine => ({ W: matrix(H, I), U: matrix(H, H), bW: new Float64Array(H), bU: new Float64Array(H) });
export const emptyInputAffine = (I: number, H: number): InputAffine => ({ W: matrix(H, I), b: new Float64Array(H) });
