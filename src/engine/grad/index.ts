/** Backpropagation through time and gradient-flow analysis for every cell kind. */
export { bptt, type BpttResult } from './bptt';
export { influence } from './influence';
export { stackInfluence } from './stackInfluence';
export { paramArrays, gradArrays, zeroGrads, type NamedArray } from './views';
