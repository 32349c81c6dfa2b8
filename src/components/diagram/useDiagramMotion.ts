/**
 * The diagram's two motions, both skipped when the reader asks for reduced motion:
 *  - a step plays the cell's order (forget → input & candidate → belt → output) as a short
 *    sequence of highlighted stages, shorter when playback is fast;
 *  - a change of cell kind briefly marks the lines that appeared and fades out those that went.
 * React owns every element; these hooks only hold timers and state.
 */
import { useEffect, useRef, useState } from 'react';
import type { CellLayout, DiagramEdge } from '../../viz/layoutTypes';
import { STAGE_COUNT } from '../../viz/stages';

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Longest sequence; at `speed` steps/s it takes at most 80 % of the time between steps. */
export const MAX_SEQUENCE_MS = 600;

export function stepSequenceMs(speed: number): number {
  return Math.min(MAX_SEQUENCE_MS, 800 / Math.max(speed, 0.01));
}

/** The stage being highlighted, or null when at rest. `key` changes on every step. */
export function useStepAnimation(key: string, speed: number): number | null {
  const [stage, setStage] = useState<number | null>(null);
  const prev = useRef(key);
  useEffect(() => {
    if (prev.current === key) return; // first render (and StrictMode's re-run): no animation
    prev.current = key;
    if (prefersReducedMotion()) {
      setStage(null);
      return;
    }
    const per = stepSequenceMs(speed) / STAGE_COUNT;
    setStage(0);
    const timers = Array.from({ length: STAGE_COUNT }, (_, s) => window.setTimeout(() => setStage(s + 1 < STAGE_COUNT ? s + 1 : null), per * (s + 1)));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [key, speed]);
  return stage;
}

export interface KindChange {
  added: ReadonlySet<string>;
  removed: readonly DiagramEdge[];
}

const NO_CHANGE: KindChange = { added: new Set(), removed: [] };
export const KIND_CHANGE_MS = 1200;

/** What changed between the previous cell kind's layout and this one, for a moment. */
export function useKindChange(layout: CellLayout): KindChange {
  const [change, setChange] = useState<KindChange>(NO_CHANGE);
  const prev = useRef(layout);
  useEffect(() => {
    const before = prev.current;
    prev.current = layout;
    if (before.kind === layout.kind || prefersReducedMotion()) return;
    const oldIds = new Set(before.edges.map((e) => e.id));
    const newIds = new Set(layout.edges.map((e) => e.id));
    setChange({
      added: new Set([...layout.edges.filter((e) => !oldIds.has(e.id)).map((e) => e.id), ...layout.nodes.filter((n) => !before.nodes.some((m) => m.id === n.id)).map((n) => n.id)]),
      removed: before.edges.filter((e) => !newIds.has(e.id)),
    });
    const id = window.setTimeout(() => setChange(NO_CHANGE), KIND_CHANGE_MS);
    return () => window.clearTimeout(id);
  }, [layout]);
  return change;
}
