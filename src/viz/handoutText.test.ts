import { describe, expect, it } from 'vitest';
import { CELL_KINDS, run } from '../engine';
import { demoModel } from '../models/demo';
import { nodeEquation } from './equations';
import { cellEquations } from './handoutText';
import { mathRuns } from './mathRuns';
import { cellLayout } from './cellLayout';

const traceOf = (kind: (typeof CELL_KINDS)[number]) => {
  const cell = demoModel(kind).cell;
  const xs = [0, 1].map((s) => Float64Array.from({ length: cell.inputSize }, (_, k) => Math.sin(3 * k + s + 1)));
  return { cell, tr: run(cell, xs).traces[1]! };
};

describe('cellEquations', () => {
  it('the LSTM’s, in the order the cell computes them, with the unit’s numbers from the trace', () => {
    const { cell, tr } = traceOf('lstm');
    if (tr.kind !== 'lstm') throw new Error('not an LSTM trace');
    const eqs = cellEquations(tr, cell, 2);
    expect(eqs.map((e) => e.symbolic)).toEqual([
      'f_t = σ(W_f·[h_{t−1}, x_t] + b_f)',
      'f_t ⊙ C_{t−1}',
      'i_t = σ(W_i·[h_{t−1}, x_t] + b_i)',
      'C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)',
      'i_t ⊙ C̃_t',
      'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t',
      'o_t = σ(W_o·[h_{t−1}, x_t] + b_o)',
      'tanh(C_t)',
      'h_t = o_t ⊙ tanh(C_t)',
    ]);
    // Each line ends in the trace's value for unit 2 (as the diagram's node panel writes it).
    expect(eqs[0]!.plugged).toBe(nodeEquation('layerF', tr, cell)!.plugged(2));
    expect(eqs[8]!.plugged.endsWith(`= ${tr.h[2]!.toFixed(3).replace('-', '−')}`)).toBe(true);
  });

  it('every drawn kind: each node with an equation once, none left out', () => {
    for (const kind of CELL_KINDS) {
      const { cell, tr } = traceOf(kind);
      const eqs = cellEquations(tr, cell, 0);
      const nodes = cellLayout(kind, { rows: 1, collapsed: false, inputRows: 1 }).nodes;
      const distinct = new Set(nodes.map((n) => nodeEquation(n.id, tr, cell)?.symbolic).filter((s) => s !== undefined));
      expect(eqs.length, kind).toBe(distinct.size);
      expect(new Set(eqs.map((e) => e.symbolic)), kind).toEqual(distinct);
      expect(eqs.some((e) => e.symbolic.startsWith('h_t =')) || kind === 'mlstm', kind).toBe(true);
    }
  });
});

describe('mathRuns', () => {
  it('sets subscripts, braced or one character, and nested scripts', () => {
    expect(mathRuns('f_t = σ(W_f·[h_{t−1}, x_t])')).toEqual([
      { text: 'f', scripts: '' },
      { text: 't', scripts: '_' },
      { text: ' = σ(W', scripts: '' },
      { text: 'f', scripts: '_' },
      { text: '·[h', scripts: '' },
      { text: 't−1', scripts: '_' },
      { text: ', x', scripts: '' },
      { text: 't', scripts: '_' },
      { text: '])', scripts: '' },
    ]);
    expect(mathRuns('e^{−m_t}')).toEqual([
      { text: 'e', scripts: '' },
      { text: '−m', scripts: '^' },
      { text: 't', scripts: '^_' },
    ]);
  });

  it('keeps a combining mark with its letter, and plain text as one run', () => {
    expect(mathRuns('C̃_t')).toEqual([
      { text: 'C̃', scripts: '' },
      { text: 't', scripts: '_' },
    ]);
    expect(mathRuns('tanh(0.5) = 0.462')).toEqual([{ text: 'tanh(0.5) = 0.462', scripts: '' }]);
  });
});
