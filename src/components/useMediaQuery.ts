import { useCallback, useSyncExternalStore } from 'react';

/**
 * The page's two-column layout starts here (styles.css, `@media (min-width: 1024px)`); below it
 * the page is one column, the figure first and the choices behind the Controls menu (App).
 */
export const WIDE_QUERY = '(min-width: 1024px)';

/**
 * Whether a media query matches, following its changes (a phone turned, a window resized).
 * Without matchMedia (tests in Node) it answers `fallback`.
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
  const read = () => (typeof window === 'undefined' || typeof window.matchMedia !== 'function' ? fallback : window.matchMedia(query).matches);
  return useSyncExternalStore(subscribe, read, () => fallback);
}
