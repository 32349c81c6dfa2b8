/**
 * The memory panel under an mLSTM's diagram: the matrix memory as heatmaps for the diagram's
 * units (C_{t−1} kept by f′, the pair v kᵀ written by i′, and C_t), how the stabiliser m_t was
 * chosen, and how C_t is read: C_t q_t over the larger of |n_tᵀ q_t| and exp(−m_t), with both
 * sides shown and the larger marked. The numbers come from the kind's figure module (memory()).
 */
import { stackOf } from '../../engine';
import { MAX_ROWS } from '../../viz/cellLayout';
import { inkOn, valueColor } from '../../viz/colors';
import { unitsThatChangedMost } from '../../viz/diagramVectors';
import { figureOf, type MemoryView } from '../../viz/kinds';
import { formatValue, formatWide as num } from '../../viz/vectors';
import type { MessageKey } from '../../i18n';
import type { Theme } from '../../store/types';
import { MathText } from '../diagram/MathText';
import { useGatescope, useT } from '../StoreContext';
import './scan.css';

interface BlockProps {
  readonly id: string;
  readonly label: MessageKey;
  readonly block: MemoryView['c'];
  readonly units: readonly number[];
  readonly theme: Theme;
}

/** One units × units block of a matrix as a table of coloured cells (rows: value unit, columns: key unit). */
function Heat({ id, label, block, units, theme }: BlockProps) {
  const t = useT();
  return (
    <table className="mem-heat" data-matrix={id}>
      <caption>
        <MathText text={t(label)} />
      </caption>
      <thead>
        <tr>
          <td />
          {units.map((b) => (
            <th key={b} scope="col">
              {b + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {block.map((r, i) => (
          <tr key={units[i]}>
            <th scope="row">{units[i]! + 1}</th>
            {r.map((v, j) => {
              const fill = valueColor(v, 'unbounded', theme);
              return (
                <td key={units[j]} style={{ background: fill, color: inkOn(fill) }} data-a={units[i]} data-b={units[j]} data-value={v}>
                  {formatValue(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MemoryPanel() {
  const t = useT();
  const trace = useGatescope((s) => s.history[s.t]);
  const params = useGatescope((s) => stackOf(s.model)[s.layer] ?? s.model.cell);
  const picked = useGatescope((s) => s.diagramUnits);
  const theme = useGatescope((s) => s.theme);
  if (!trace || trace.kind !== params.kind) return null;
  const figure = figureOf(trace.kind);
  if (!figure.memory) return null;
  const H = params.hiddenSize;
  // The units the diagram draws: the reader's pick, else the ones that changed most.
  const units = (picked && picked.length > 0 && picked.every((u) => u < H) ? picked : unitsThatChangedMost(trace, MAX_ROWS)).slice(0, MAX_ROWS);
  const m = figure.memory(trace, units);
  const mFromPast = m.forgetSide >= m.inputSide;
  const nqWins = m.nq >= m.floor;
  const wins = (yes: boolean) => (yes ? <strong className="mem-wins"> ← {t('mem.wins')}</strong> : null);
  const perUnit: Array<[string, readonly number[]]> = [
    ['k_t', m.k],
    ['n_{t−1}', m.nPrev],
    ['n_t = f′_t n_{t−1} + i′_t k_t', m.n],
    ['q_t', m.q],
    ['C_t q_t', m.read],
    ['h̃_t = C_t q_t / d_t', m.hTilde],
    ['o_t', m.o],
    ['h_t = o_t ⊙ h̃_t', m.h],
  ];
  return (
    <section className="mem-panel" aria-labelledby="mem-title">
      <h3 id="mem-title">
        <MathText text={t('mem.title')} />
      </h3>
      <p className="scan-lead">
        <MathText text={t('mem.lead', { n: units.length, H })} />
      </p>
      <div className="mem-row">
        <table className="mem-sides" aria-labelledby="mem-stab">
          <caption id="mem-stab">
            <MathText text={t('mem.stabiliser')} />
          </caption>
          <tbody>
            <tr>
              <th scope="row">
                <MathText text={t('mem.forgetSide')} />
              </th>
              <td>
                {num(m.forgetSide)}
                {wins(mFromPast)}
              </td>
            </tr>
            <tr>
              <th scope="row">
                <MathText text={t('mem.inputSide')} />
              </th>
              <td>
                {num(m.inputSide)}
                {wins(!mFromPast)}
              </td>
            </tr>
            <tr>
              <th scope="row">
                <MathText text={`m_t (${t('mem.larger')})`} />
              </th>
              <td>{num(m.m)}</td>
            </tr>
            <tr>
              <th scope="row">
                <MathText text={`f′_t = exp(log σ(f̃_t) + m_{t−1} − m_t)`} />
              </th>
              <td>{num(m.fPrime)}</td>
            </tr>
            <tr>
              <th scope="row">
                <MathText text={'i′_t = exp(ĩ_t − m_t)'} />
              </th>
              <td>{num(m.iPrime)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="mem-scroll" tabIndex={0} role="group" aria-labelledby="mem-title">
        <div className="mem-heats">
          <Heat id="cPrev" label="mem.cPrev" block={m.cPrev} units={units} theme={theme} />
          <span className="mem-op" aria-hidden="true">
            × {num(m.fPrime)} +
          </span>
          <Heat id="outer" label="mem.outer" block={m.outer} units={units} theme={theme} />
          <span className="mem-op" aria-hidden="true">
            × {num(m.iPrime)} =
          </span>
          <Heat id="c" label="mem.c" block={m.c} units={units} theme={theme} />
        </div>
      </div>
      <h4>
        <MathText text={t('mem.read')} />
      </h4>
      <p className="scan-lead">
        <MathText text={t('mem.denLead', { H })} />
      </p>
      <table className="mem-sides" aria-labelledby="mem-den">
        <caption id="mem-den">{t('mem.sides')}</caption>
        <tbody>
          <tr>
            <th scope="row">
              <MathText text={t('mem.nqSide')} />
            </th>
            <td data-side="nq">
              {num(m.nq)}
              {wins(nqWins)}
            </td>
          </tr>
          <tr>
            <th scope="row">
              <MathText text={t('mem.floorSide')} />
            </th>
            <td data-side="floor">
              {num(m.floor)}
              {wins(!nqWins)}
            </td>
          </tr>
          <tr>
            <th scope="row">
              <MathText text={`${t('mem.denominator')} = max`} />
            </th>
            <td data-side="denominator">{num(m.denominator)}</td>
          </tr>
        </tbody>
      </table>
      <div className="stab-scroll" tabIndex={0} role="group" aria-labelledby="mem-per-unit">
        <table className="stab-table">
          <caption id="mem-per-unit">{t('mem.readTable')}</caption>
          <thead>
            <tr>
              <td />
              {units.map((k) => (
                <th key={k} scope="col">
                  {t('mem.unit', { k: k + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {perUnit.map(([symbol, values]) => (
              <tr key={symbol}>
                <th scope="row">
                  <MathText text={symbol} />
                </th>
                {values.map((v, j) => (
                  <td key={units[j]}>{formatValue(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
