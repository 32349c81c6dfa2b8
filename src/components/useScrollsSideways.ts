import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element scrolls sideways (its content is wider than it): a table that fits at
 * 1280 px scrolls on a phone, and a region that scrolls must take focus, so that the keyboard can
 * scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable). Measured again whenever the
 * element or its first child changes size.
 */
export function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, [ref]);
  return scrolls;
}
