/**
 * The equation strings of equations.ts ("f_t = σ(W_f·[h_{t−1}, x_t] + b_f)", "1 − 0.774 = 0.226")
 * as TeX for KaTeX. The strings already use TeX subscripts; only the Unicode operators and
 * function names need commands.
 */
const MAP: Record<string, string> = {
  hardσ: '\\operatorname{hard}\\sigma ',
  tanh: '\\tanh ',
  relu: '\\operatorname{relu}',
  σ: '\\sigma ',
  '⊙': '\\odot ',
  '×': '\\times ',
  '·': '\\cdot ',
  '−': '-',
  'C\u0303': '\\tilde{C}',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  $: '\\$',
};

export function toTex(s: string): string {
  return s.replace(/hardσ|tanh|relu|σ|⊙|×|·|−|C\u0303|[%#&$]/g, (m) => MAP[m]!);
}
