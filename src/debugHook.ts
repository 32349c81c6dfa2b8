/**
 * A handle for measurement scripts (scripts/perf-diagram.ts, bench-heatmap.ts), installed in the
 * dev server, or with ?debug=1 in a build made for measuring (`GATESCOPE_DEBUG_BUILD=1 npx vite
 * build`). The production build has no such handle: the flag is false at build time, so the
 * code is dropped, and ?debug=1 does nothing. It is not a URL parameter of the app (urlParams.ts
 * ignores it); it only lets a script load a large random model.
 */
import { createRng, randomParams, type CellKind, type Model } from './engine';
import type { GatescopeStore } from './store/store';

function randomModel(kind: CellKind, inputSize: number, hiddenSize: number, seed: number): Model {
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
  if (!import.meta.env.DEV && !(__GATESCOPE_DEBUG_BUILD__ && new URLSearchParams(window.location.search).has('debug'))) return;
  (window as unknown as { __gatescope: unknown }).__gatescope = { store, randomModel };
}
