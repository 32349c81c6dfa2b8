import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { CELL_KINDS, createRng, randomParams, run } from '../engine';
import { cellLayout } from './cellLayout';
import { nodeEquation } from './equations';
import { toTex } from './tex';

describe('toTex', () => {
  it('turns the equation strings into TeX', () => {
    const toTexN = (s: string) => toTex(s).replace(/ +/g, ' ');
    expect(toTexN('f_t = σ(W_f·[h_{t−1}, x_t] + b_f)')).toBe('f_t = \\sigma (W_f\\cdot [h_{t-1}, x_t] + b_f)');
    expect(toTexN('C̃_t = tanh(x)')).toBe('\\tilde{C}_t = \\tanh (x)');
    expect(toTexN('i_t ⊙ C̃_t')).toBe('i_t \\odot \\tilde{C}_t');
    expect(toTexN('hardσ(−1.000) = 0.300')).toBe('\\operatorname{hard}\\sigma (-1.000) = 0.300');
    expect(toTexN('0.5 × −0.25')).toBe('0.5 \\times -0.25');
  });

  it('every kind of equation string renders in KaTeX without an error', () => {
    for (const s of [
      'n_t = tanh(W_n x_t + b_{Wn} + r_t ⊙ (U_n h_{t−1} + b_{Un}))',
      'h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ n_t',
      'p_o ⊙ C_t = 0.100 × −2.000 = −0.200',
      'i_t = 1 − f_t',
      '= hardσ(1.230) = 0.746',
    ])
      expect(() => katex.renderToString(toTex(s), { throwOnError: true, strict: 'error' }), s).not.toThrow();
  });

  it('sets function names upright (\\exp, \\log, \\max), and only whole words', () => {
    const toTexN = (s: string) => toTex(s).replace(/ +/g, ' ');
    expect(toTexN('i′_t = exp(ĩ_t − m_t)')).toBe("i'_t = \\exp (\\tilde{i}_t - m_t)");
    expect(toTexN('m_t = max(log σ(f̃_t) + m_{t−1}, ĩ_t)')).toBe('m_t = \\max (\\log \\sigma (f̃_t) + m_{t-1}, \\tilde{i}_t)');
    expect(toTexN('explog maxima')).toBe('explog maxima');
  });

  it("every node's equation of every kind renders in strict KaTeX, with no run of letters left to be set as a product", () => {
    for (const kind of CELL_KINDS) {
      const p = randomParams(kind, 3, 4, createRng(5));
      const xs = [0, 1, 2].map((t) => Float64Array.from({ length: 3 }, (_, k) => Math.sin(t + k)));
      const tr = run(p, xs).traces[2]!;
      for (const n of cellLayout(kind, { rows: 4, collapsed: false, inputRows: 3 }).nodes) {
        const eq = nodeEquation(n.id, tr, p);
        if (!eq) continue;
        for (const s of [eq.symbolic, `= ${eq.plugged(0)}`, ...eq.detail(0)]) {
          const tex = toTex(s);
          expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), `${kind} ${n.id}: ${s}`).not.toThrow();
          // Subscripts name things (b_{Wn}); elsewhere two letters in a row would be italic letters multiplied.
          const body = tex.replace(/\\[A-Za-z]+/g, ' ').replace(/_\{[^}]*\}|_[A-Za-z]/g, ' ');
          expect(body.match(/[A-Za-z]{2,}/g), `${kind} ${n.id}: ${s}`).toBeNull();
        }
      }
    }
  });
});
