/**
 * An equation string of equations.ts set in runs for a canvas, which has no <sub>: the handout's
 * PDF page draws its equations with these (components/handout/handout.ts). A module of its own so
 * that the handout's lazy chunk brings it along without reaching into the page's chunks.
 */
/**
 * A piece of an equation and where it is set: `scripts` is the path of scripts it is in, "" on
 * the line, "_" a subscript, "^" a superscript, "^_" a subscript of a superscript, and so on.
 */
export interface MathRun {
  readonly text: string;
  readonly scripts: string;
}

/**
 * "h_{t−1}" as runs [h on the line, t−1 in a subscript]: the TeX-like scripts the equation
 * strings use (`_x`, `_{…}`, `^x`, `^{…}`, nested), for drawing on a canvas, where there is no <sub>.
 */
export function mathRuns(s: string): MathRun[] {
  const runs: MathRun[] = [];
  const push = (text: string, scripts: string) => {
    const last = runs[runs.length - 1];
    if (last && last.scripts === scripts) runs[runs.length - 1] = { text: last.text + text, scripts };
    else if (text) runs.push({ text, scripts });
  };
  const parse = (from: number, scripts: string, untilBrace: boolean): number => {
    let k = from;
    while (k < s.length) {
      const c = s[k]!;
      if (untilBrace && c === '}') return k + 1;
      if ((c === '_' || c === '^') && k + 1 < s.length) {
        const inner = scripts + c;
        if (s[k + 1] === '{') k = parse(k + 2, inner, true);
        else {
          // One character (a whole code point, with a combining mark after it if any).
          const m = /^.[\u0300-\u036f]?/u.exec(s.slice(k + 1))![0];
          push(m, inner);
          k += 1 + m.length;
        }
        continue;
      }
      push(c, scripts);
      k++;
    }
    return k;
  };
  parse(0, '', false);
  return runs;
}
