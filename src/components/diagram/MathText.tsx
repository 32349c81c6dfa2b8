import { parseMath } from '../../viz/notation';

/**
 * Renders the equation strings of src/viz/equations.ts ("h_{t−1}", "x_t") with real subscripts.
 * src/viz/notation.ts parses the mini-syntax; swapping in KaTeX means replacing these two
 * components (the strings are TeX-like already).
 */
export function MathText({ text }: { text: string }) {
  return <span className="math">{parseMath(text).map((p, k) => (p.sub ? <sub key={k}>{p.text}</sub> : <span key={k}>{p.text}</span>))}</span>;
}

/** Marks where a symbol goes in a sentence that also holds the student's own text. */
export const MATH_SLOT = '\u2063';

/**
 * A sentence with the student's words in it (a token may well contain "_"): only the symbol put
 * at MATH_SLOT is read as notation, the rest is shown as typed.
 */
export function MathSlot({ text, math }: { text: string; math: string }) {
  const [before, ...after] = text.split(MATH_SLOT);
  return (
    <>
      {before}
      {after.length > 0 && <MathText text={math} />}
      {after.join(MATH_SLOT)}
    </>
  );
}

/** The same inside SVG <text>: subscripts drop by 0.3em and the next piece comes back up. */
export function SvgMath({ text }: { text: string }) {
  const pieces = parseMath(text);
  return (
    <>
      {pieces.map((p, k) => {
        const back = k > 0 && pieces[k - 1]!.sub && !p.sub ? '-0.3em' : undefined;
        const down = p.sub && !(k > 0 && pieces[k - 1]!.sub) ? '0.3em' : undefined;
        return p.sub ? (
          <tspan key={k} dy={down} fontSize="0.72em">
            {p.text}
          </tspan>
        ) : (
          <tspan key={k} dy={back}>
            {p.text}
          </tspan>
        );
      })}
    </>
  );
}
