/**
 * Keyboard shortcuts for stepping: ←/→ step, Space play/pause, Home/End first/last step.
 * They apply only while the page (or the slide's iframe) has focus, and never while focus is in
 * a control that uses those keys itself (text box, slider, select, radio, tabs, the heatmap
 * grid, which is role=application).
 */
type KeyAction = 'back' | 'forward' | 'toggle' | 'first' | 'last';

export interface KeyInput {
  readonly key: string;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  /** The focused element's tag, type and role, when there is one. */
  readonly target?: { tag: string; type?: string | null; role?: string | null; editable?: boolean };
}

const OWN_KEYS_ROLES = new Set(['application', 'slider', 'radio', 'tab', 'grid', 'gridcell', 'listbox', 'option', 'combobox', 'spinbutton', 'textbox', 'menuitem']);

function focusUsesKeys(t: NonNullable<KeyInput['target']>, key: string): boolean {
  if (t.editable) return true;
  const tag = t.tag.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return true;
  if (t.role && OWN_KEYS_ROLES.has(t.role)) return true;
  // A focused button activates on Space; leave Space to it.
  if ((tag === 'button' || t.role === 'button') && key === ' ') return true;
  return false;
}

export function keyAction(e: KeyInput): KeyAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.target && focusUsesKeys(e.target, e.key)) return null;
  switch (e.key) {
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'forward';
    case ' ':
    case 'Spacebar':
      return 'toggle';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/**
 * Where a key takes the translate view, which steps its own encoder–decoder (`steps` steps in
 * all, `at` the one shown): a step to go to, or 'next'/'prev' to hand the key to the deck at
 * either end (only when there is a deck), or null when the key does nothing there (no playing).
 */
export function translateMove(action: KeyAction, at: number, steps: number, deck: boolean): number | 'next' | 'prev' | null {
  if (steps <= 0) return null;
  const last = steps - 1;
  switch (action) {
    case 'forward':
      return at >= last ? (deck ? 'next' : null) : at + 1;
    case 'back':
      return at <= 0 ? (deck ? 'prev' : null) : at - 1;
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return null;
  }
}
