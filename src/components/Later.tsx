import { useEffect, useState, type ReactNode } from 'react';

/**
 * Renders its children from the task after it mounts, not in the same one: for what lies beside
 * or below the figure (the values table), so that the figure's render, layout and paint are one
 * task and the rest another, instead of one long task that blocks the page. Once shown, the
 * children update with every render as usual.
 */
export function Later({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(id);
  }, []);
  return ready ? children : null;
}
