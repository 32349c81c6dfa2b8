import { useEffect, useState } from 'react';

/**
 * Whether an element is on screen or within `margin` of it; give `ref` to the element. Content
 * below the fold that changes with every step (the values table) follows the step only while it
 * is near: off screen its style, layout and paint would cost every step several milliseconds for
 * nobody. The margin lets it catch up before it scrolls into view. Without IntersectionObserver,
 * or before the element exists, it counts as near.
 */
export function useNearViewport(margin = '50%'): { ref: (el: Element | null) => void; near: boolean } {
  const [el, ref] = useState<Element | null>(null);
  const [near, setNear] = useState(true);
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { rootMargin: `${margin} 0px` });
    io.observe(el);
    return () => {
      io.disconnect();
      setNear(true);
    };
  }, [el, margin]);
  return { ref, near };
}
