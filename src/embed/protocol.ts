/**
 * The postMessage API for pages that embed Gatescope in an iframe.
 *
 * In (host -> Gatescope), accepted only from our own origin or one listed in `origins=`:
 *   { gatescope: 1, command: 'goTo', t: number } | { gatescope: 1, command: 'play' | 'pause' }
 *   { gatescope: 1, command: 'setText', text: string } | { gatescope: 1, command: 'setCell', cell: CellKind }
 *   { gatescope: 1, command: 'setLayer', layer: number }   a stacked model's layer, 1 = the bottom
 *   (in the training lab, view=train, play and pause start and pause training)
 * Out (Gatescope -> host): { gatescope: 1, event: 'ready' | 'step' | 'height', ... }.
 * Events posted to an unknown parent ('*') carry only non-sensitive numbers (step index, count,
 * height); the sentence and tokens go only to allowed origins.
 */
import { CELL_KINDS, MAX_LAYERS, type CellKind } from '../engine';

type Command =
  | { command: 'goTo'; t: number }
  | { command: 'play' }
  | { command: 'pause' }
  | { command: 'setText'; text: string }
  | { command: 'setCell'; cell: CellKind }
  /** 1-based, as `layer=` in a link; clamped to the model's layers. */
  | { command: 'setLayer'; layer: number };

export type GatescopeEvent =
  | { event: 'ready'; t: number; steps: number; cell?: CellKind; text?: string }
  | { event: 'step'; t: number; steps: number; token?: string }
  | { event: 'height'; height: number };

const MAX_TEXT = 5000;

export function parseCommand(data: unknown): Command | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.gatescope !== 1 || typeof d.command !== 'string') return null;
  switch (d.command) {
    case 'goTo':
      return typeof d.t === 'number' && Number.isInteger(d.t) && d.t >= 0 ? { command: 'goTo', t: d.t } : null;
    case 'play':
    case 'pause':
      return { command: d.command };
    case 'setText':
      return typeof d.text === 'string' && d.text.length <= MAX_TEXT ? { command: 'setText', text: d.text } : null;
    case 'setCell':
      return typeof d.cell === 'string' && (CELL_KINDS as readonly string[]).includes(d.cell) ? { command: 'setCell', cell: d.cell as CellKind } : null;
    case 'setLayer':
      return typeof d.layer === 'number' && Number.isInteger(d.layer) && d.layer >= 1 && d.layer <= MAX_LAYERS ? { command: 'setLayer', layer: d.layer } : null;
    default:
      return null;
  }
}

export function originAllowed(origin: string, self: string, allowed: readonly string[]): boolean {
  return origin === self || allowed.includes(origin);
}

/** What may be sent to a parent whose origin we do not know: numbers only. */
export function publicPart(e: GatescopeEvent): GatescopeEvent {
  switch (e.event) {
    case 'ready':
      return { event: 'ready', t: e.t, steps: e.steps };
    case 'step':
      return { event: 'step', t: e.t, steps: e.steps };
    case 'height':
      return e;
  }
}

/** reveal.js's own postMessage API: the parent deck moves on as if the presenter pressed the key. */
export function revealMessage(direction: 'next' | 'prev'): string {
  return JSON.stringify({ method: direction === 'next' ? 'next' : 'prev', args: [] });
}
