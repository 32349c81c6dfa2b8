/** Backpropagation through time and gradient-flow analysis for every cell kind. */
export type { AffineGrads, StepBackResult } from './types';
export { backwardStep } from './backward-step';
export { bptt, type BpttResult } from './bptt';
export { stepJacobian, denseBlockJacobian } from './jacobian';
export type { StepJacobian, HJacobian, HcJacobian } from './jacobian-types';
export { influence, type Influence } from './influence';
export { stackInfluence, type StackInfluence } from './stackInfluence';
export { paramArrays, gradArrays, zeroGrads, type NamedArray } from './views';
