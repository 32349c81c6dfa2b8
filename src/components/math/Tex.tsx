import { useEffect, useState, type ReactNode } from 'react';

type Katex = typeof import('katex');
let katexPromise: Promise<Katex> | null = null;

/**
 * KaTeX is ~270 KB with its fonts, so it loads only when the first equation is shown (a separate
 * chunk, from our own origin). Until then, and if it ever fails, the plain-text form is shown:
 * the equation is never missing, only less pretty.
 */
function loadKatex(): Promise<Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([k]) => k);
  return katexPromise;
}

export function Tex({ tex, fallback, display = false }: { tex: string; fallback: ReactNode; display?: boolean }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadKatex()
      .then((k) => {
        // throwOnError false: a typo renders in red instead of blanking the panel; trust false
        // because the strings are ours (numbers are formatted by us), never user text.
        const out = k.default.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', trust: false });
        if (live) setHtml(out);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [tex, display]);
  if (html === null) return <span className="tex-fallback">{fallback}</span>;
  // KaTeX escapes its input; `tex` is built from our own templates and numbers only.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output, from our own TeX (above).
  return <span className="tex" data-tex={tex} dangerouslySetInnerHTML={{ __html: html }} />;
}
