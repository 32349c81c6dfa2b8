/**
 * The equation strings of equations.ts ("f_t = σ(W_f·[h_{t−1}, x_t] + b_f)", "1 − 0.774 = 0.226")
 * as TeX for KaTeX. The strings already use TeX subscripts; only the Unicode operators, the
 * accented letters and the function names need commands. Function names (exp, log, max) become
 * operator commands so they are set upright, as a function is, not as the product e·x·p.
 */
const MAP: Record<string, string> = {
  hardσ: '\\operatorname{hard}\\sigma ',
  tanh: '\\tanh ',
  relu: '\\operatorname{relu}',
  exp: '\\exp ',
  log: '\\log ',
  max: '\\max ',
  σ: '\\sigma ',
  '⊙': '\\odot ',
  '×': '\\times ',
  '·': '\\cdot ',
  '−': '-',
  '′': "'",
  '√d': '\\sqrt{d}',
  'C\u0303': '\\tilde{C}',
  // Precomposed ĩ and õ, which KaTeX takes as text; f̃, z̃ and h̃ are a letter and U+0303, which it accents itself.
  ĩ: '\\tilde{i}',
  õ: '\\tilde{o}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
};

/** A function name only as a whole word: "exp(" but not a letter run that merely contains it. */
const PATTERN = /hardσ|(?<![A-Za-z])(?:tanh|relu|exp|log|max)(?![A-Za-z])|σ|⊙|×|·|−|′|√d|C\u0303|ĩ|õ|[%#&$]/g;

export function toTex(s: string): string {
  return s.replace(PATTERN, (m) => MAP[m]!);
}
