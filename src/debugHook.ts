/**
 * A handle for measurement scripts (scripts/perf-diagram.ts), installed only in the dev server
 * or when the page is opened with ?debug=1. It is not a URL parameter of the app (urlParams.ts
 * ignores it and the address bar drops it); it only lets a script load a large random model.
 */
import { createRng, randomParams, type CellKind, type Model } from './engine';
import type { GatescopeStore } from './store/store';

export function randomModel(kind: CellKind, inputSize: number, hiddenSize: number, seed: number): Model {
  return {
    id: `random-${kind}-${hiddenSize}`,
    task: 'custom',
    trained: false,
    embedding: { kind: 'hashed', dim: inputSize, seed },
    cell: randomParams(kind, inputSize, hiddenSize, createRng(seed)),
    head: null,
    tokenizer: 'words',
  };
}

export function installDebugHook(store: GatescopeStore): void {
  if (!import.meta.env.DEV && !new URLSearchParams(window.location.search).has('debug')) return;
  (window as unknown as { __gatescope: unknown }).__gatescope = { store, randomModel };
}
