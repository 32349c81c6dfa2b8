/**
 * The diagram's two motions, both skipped when the reader asks for reduced motion:
 *  - a step plays the cell's order (forget → input & candidate → belt → output) as a short
 *    sequence of highlighted stages, shorter when playback is fast, and none when a stage would
 *    be too short to see (src/viz/stages.ts);
 *  - a change of cell kind briefly marks the lines that appeared and fades out those that went.
 * React owns every element; these hooks only hold timers and state, and the step sequence writes
 * one attribute on the figure's svgs (each element's stage is a static class, st0 … st3, and the
 * style sheet dims and lights them): a stage change restyles, it does not re-render the figure.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { CellLayout, DiagramEdge } from '../../viz/layoutTypes';
import { STAGE_COUNT, STAGE_NAMES, stepSequenceMs } from '../../viz/stages';

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Marks `targets` with the stage being computed (data-stage, data-animating), or as at rest. */
function markStage(targets: readonly RefObject<Element | null>[], stage: number | null) {
  for (const ref of targets) {
    const el = ref.current;
    if (!el) continue;
    if (stage === null) {
      el.removeAttribute('data-stage');
      el.removeAttribute('data-animating');
    } else {
      el.setAttribute('data-stage', STAGE_NAMES[stage]!);
      el.setAttribute('data-animating', 'true');
    }
  }
}

/**
 * Plays a step's stages on `targets` when `key` changes (every step). Set before the step's first
 * paint (a layout effect), so the new numbers never show undimmed for a frame.
 */
export function useStepAnimation(key: string, speed: number, targets: readonly RefObject<Element | null>[]): void {
  const prev = useRef(key);
  const marked = useRef(targets);
  marked.current = targets;
  useLayoutEffect(() => {
    if (prev.current === key) return; // first render (and StrictMode's re-run): no animation
    prev.current = key;
    // Too fast for its stages to be seen (8 steps/s and more): the step shows at rest.
    const sequence = stepSequenceMs(speed);
    if (prefersReducedMotion() || sequence === 0) return;
    const per = sequence / STAGE_COUNT;
    const targets = marked.current;
    markStage(targets, 0);
    const timers = Array.from({ length: STAGE_COUNT }, (_, s) => window.setTimeout(() => markStage(targets, s + 1 < STAGE_COUNT ? s + 1 : null), per * (s + 1)));
    // A new step, a new speed or leaving: the sequence stops at rest (the next one marks stage 0).
    return () => {
      timers.forEach((id) => window.clearTimeout(id));
      markStage(targets, null);
    };
  }, [key, speed]);
}

interface KindChange {
  added: ReadonlySet<string>;
  removed: readonly DiagramEdge[];
}

const NO_CHANGE: KindChange = { added: new Set(), removed: [] };
const KIND_CHANGE_MS = 1200;

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
