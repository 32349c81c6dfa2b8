/**
 * sLSTM's diagram: the LSTM's geometry (its gates read [h_{t−1}, x_t] as the LSTM's do, and c runs
 * along the top as its belt), with what differs written on it: the input gate is exp, the forget
 * gate exp or σ, the gates drawn are the stabilised i′ and f′ (each e^{… − m_t}), and h_t divides c_t
 * by the normaliser n_t where the LSTM takes tanh(C_t). n and m are drawn by the stabiliser panel
 * under the diagram, unit by unit, with the values that would overflow without m.
 */
import type { LayoutOptions } from '../cellLayoutBuilder';
import type { CellLayout, DiagramNode, SwatchStrip } from '../layoutTypes';
import { lstmFamily } from './lstm-layout';

const STRIP_SYMBOL: Record<string, string> = {
  'C_{t−1}': 'c_{t−1}',
  'f⊙C_{t−1}': 'f′⊙c_{t−1}',
  'i⊙C̃_t': 'i′⊙z_t',
  C_t: 'c_t',
  f_t: 'f′_t',
  i_t: 'i′_t',
  C̃_t: 'z_t',
  'tanh(C_t)': 'c_t/n_t',
};

export function slstm(o: LayoutOptions): CellLayout {
  const base = lstmFamily('lstm', o);
  const label: Record<string, string> = {
    cPrev: 'c_{t−1}',
    c: 'c_t',
    layerI: 'exp',
    layerF: o.forget === 'sigmoid' ? 'σ' : 'exp',
    tanhC: '÷ n_t',
  };
  const nodes = base.nodes.map((n): DiagramNode => (label[n.id] ? { ...n, label: label[n.id]! } : n));
  const strips = base.strips.map((s): SwatchStrip => (STRIP_SYMBOL[s.symbol] ? { ...s, symbol: STRIP_SYMBOL[s.symbol]! } : s));
  const glyphs = base.glyphs.map((g) => (g.text.includes('f_t') ? { ...g, text: g.text.replace('f_t', 'f′_t') } : g));
  return { ...base, kind: 'slstm', nodes, strips, glyphs };
}
