/**
 * The strings' mini-syntax for symbols: "h_{t−1}", "x_t" (TeX-like, so KaTeX reads them too).
 * One parser for every place that shows them: HTML and SVG draw real subscripts from its pieces;
 * where markup cannot go (an <option>, a canvas), `subscriptText` writes Unicode subscripts.
 */
type MathPiece = { readonly text: string; readonly sub: boolean };

export function parseMath(s: string): MathPiece[] {
  const out: MathPiece[] = [];
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

// Unicode has subscript forms for digits, signs and some lower-case letters only.
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '−': '₋',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};

/**
 * The same string as plain text: "h_{t−1}" → "hₜ₋₁". A subscript with a character Unicode has no
 * subscript for ("b_{Un}", "h_T") is written in brackets, "b[Un]", never with the raw syntax.
 */
export function subscriptText(s: string): string {
  return parseMath(s)
    .map((p) => {
      if (!p.sub) return p.text;
      const chars = [...p.text];
      return chars.every((c) => c in SUBSCRIPT) ? chars.map((c) => SUBSCRIPT[c]).join('') : `[${p.text}]`;
    })
    .join('');
}
