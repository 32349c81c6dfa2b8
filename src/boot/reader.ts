/**
 * What the browser says about its reader, read once at load: their languages, whether their
 * system is dark, and the choice they last made in the page's pickers. Both the boot script and
 * main.tsx read it here, so that they agree on which first screen a reader gets.
 */
import { CHOICE_KEY, parseChoice, type Reader } from '../store/readerPrefs';

/** localStorage, where the browser allows it (not in some private modes, nor in a sandboxed frame). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readReader(): Reader {
  let chosen: string | null = null;
  try {
    chosen = storage()?.getItem(CHOICE_KEY) ?? null;
  } catch {
    /* refused: no saved choice */
  }
  return {
    languages: navigator.languages?.length ? navigator.languages : [navigator.language],
    dark: typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches,
    chosen: parseChoice(chosen),
  };
}
