import { useCallback, useSyncExternalStore } from 'react';
import type { EmbeddedToken, Stack } from '../engine';
import { traceProgress, watchTraces, type TraceProgress } from '../store/sentenceTraces';

const NONE: TraceProgress = { layers: [], total: 0, complete: false };

/**
 * The whole sentence's traces of every layer of `stack`, as far as computed: a large cell's run proceeds in
 * slices while a view shows it, and the view re-renders after each slice (to show progress).
 */
export function useTraces(stack: Stack, embedded: readonly EmbeddedToken[], wanted = true): TraceProgress {
  const subscribe = useCallback((onChange: () => void) => (wanted ? watchTraces(stack, embedded, onChange) : () => {}), [stack, embedded, wanted]);
  const get = useCallback(() => (wanted ? traceProgress(stack, embedded) : NONE), [stack, embedded, wanted]);
  return useSyncExternalStore(subscribe, get, get);
}
