/**
 * Renders the equation strings of src/viz/equations.ts ("h_{t−1}", "x_t") with real subscripts.
 * The one place that knows the mini-syntax: swapping in KaTeX means replacing these two
 * components (the strings are TeX-like already).
 */
type Piece = { text: string; sub: boolean };

export function parseMath(s: string): Piece[] {
  const out: Piece[] = [];
  let plain = '';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (ch === '_' && k + 1 < s.length) {
      if (plain) out.push({ text: plain, sub: false });
      plain = '';
      if (s[k + 1] === '{') {
        const end = s.indexOf('}', k + 2);
        const stop = end < 0 ? s.length : end;
        out.push({ text: s.slice(k + 2, stop), sub: true });
        k = stop;
      } else {
        out.push({ text: s[k + 1]!, sub: true });
        k += 1;
      }
    } else plain += ch;
  }
  if (plain) out.push({ text: plain, sub: false });
  return out;
}

export function MathText({ text }: { text: string }) {
  return <span className="math">{parseMath(text).map((p, k) => (p.sub ? <sub key={k}>{p.text}</sub> : <span key={k}>{p.text}</span>))}</span>;
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
