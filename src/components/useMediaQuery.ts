import { useCallback, useSyncExternalStore } from 'react';

/**
 * The page's two-column layout starts here (styles.css, `@media (min-width: 1024px)`); below it
 * the page is one column, the figure first and the choices behind the Controls menu (App).
 */
export const WIDE_QUERY = '(min-width: 1024px)';

/**
 * What the queries answer where there is no screen to ask: the build draws the first screen once
 * for wide windows and once for narrow ones (src/prerender/firstScreen.tsx), setting this between.
 */
let noScreen: boolean | null = null;
export function answerWithoutScreen(matches: boolean | null): void {
  noScreen = matches;
}

/**
 * Whether a media query matches, following its changes (a phone turned, a window resized).
 * Without matchMedia (tests in Node, the build's drawing of the first screen) it answers
 * `answerWithoutScreen`'s value, else `fallback`.
 */
export function useMediaQuery(query: string, fallback = true): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
      const m = window.matchMedia(query);
      m.addEventListener('change', changed);
      return () => m.removeEventListener('change', changed);
    },
    [query],
  );
  const read = () => (typeof window === 'undefined' || typeof window.matchMedia !== 'function' ? (noScreen ?? fallback) : window.matchMedia(query).matches);
  return useSyncExternalStore(subscribe, read, () => noScreen ?? fallback);
}
