import { describe, expect, it } from 'vitest';
import { parseMath, subscriptText } from './notation';

describe('notation', () => {
  it('splits the mini-syntax into plain and subscript pieces', () => {
    expect(parseMath('f_t ⊙ C_{t−1}')).toEqual([
      { text: 'f', sub: false },
      { text: 't', sub: true },
      { text: ' ⊙ C', sub: false },
      { text: 't−1', sub: true },
    ]);
    expect(parseMath('no symbols')).toEqual([{ text: 'no symbols', sub: false }]);
    // An unclosed brace takes the rest; a trailing underscore stays as it is.
    expect(parseMath('h_{t')).toEqual([
      { text: 'h', sub: false },
      { text: 't', sub: true },
    ]);
    expect(parseMath('a_')).toEqual([{ text: 'a_', sub: false }]);
  });

  it('writes Unicode subscripts where markup cannot go, and brackets where Unicode has none', () => {
    expect(subscriptText('h_{t−1}')).toBe('hₜ₋₁');
    expect(subscriptText('C̃_t')).toBe('C̃ₜ');
    expect(subscriptText('tanh(C_t)')).toBe('tanh(Cₜ)');
    expect(subscriptText('b_{Un}')).toBe('b[Un]');
    expect(subscriptText('‖∂h_T/∂h_t‖')).toBe('‖∂h[T]/∂hₜ‖');
    for (const s of ['x_t', 'h_{t−1}', 'b_{Wn}', '∂h_T']) expect(subscriptText(s)).not.toMatch(/[_{}]/);
  });
});
