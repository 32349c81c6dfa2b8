export * from './types';
export * from './math';
export * from './rng';
export * from './init';
export { step, run, initialState, hasCellState, stepCost } from './step';
export * from './model';
export * from './grad';
export * from './stack';
export * from './seq2seq';
