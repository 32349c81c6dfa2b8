import { useCallback, useSyncExternalStore } from 'react';
import type { CellParams, EmbeddedToken } from '../engine';
import { traceProgress, watchTraces, type TraceProgress } from '../store/sentenceTraces';

const NONE: TraceProgress = { traces: [], total: 0, complete: false };

/**
 * The whole sentence's traces of `cell`, as far as computed: a large cell's run proceeds in
 * slices while a view shows it, and the view re-renders after each slice (to show progress).
 */
export function useTraces(cell: CellParams, embedded: readonly EmbeddedToken[], wanted = true): TraceProgress {
  const subscribe = useCallback((onChange: () => void) => (wanted ? watchTraces(cell, embedded, onChange) : () => {}), [cell, embedded, wanted]);
  const get = useCallback(() => (wanted ? traceProgress(cell, embedded) : NONE), [cell, embedded, wanted]);
  return useSyncExternalStore(subscribe, get, get);
}
