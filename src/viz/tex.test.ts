import { describe, expect, it } from 'vitest';
import katex from 'katex';
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
});
