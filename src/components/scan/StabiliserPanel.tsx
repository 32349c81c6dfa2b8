/**
 * The stabiliser panel under an sLSTM's diagram: for the diagram's units, how m_t is chosen, the
 * stabilised gates it gives, and beside them the values that would overflow a double without it.
 * The rows come from the kind's figure module (viz/kinds/slstm.ts); the numbers are the trace's.
 */
import { stackOf } from '../../engine';
import { unitsThatChangedMost } from '../../viz/diagramVectors';
import { figureOf } from '../../viz/kinds';
import { MAX_ROWS } from '../../viz/cellLayout';
import { MathText } from '../diagram/MathText';
import { useGatescope, useT } from '../StoreContext';
import './scan.css';

export function StabiliserPanel() {
  const t = useT();
  const trace = useGatescope((s) => s.history[s.t]);
  const params = useGatescope((s) => stackOf(s.model)[s.layer] ?? s.model.cell);
  const picked = useGatescope((s) => s.diagramUnits);
  if (!trace || trace.kind !== params.kind) return null;
  const figure = figureOf(trace.kind);
  if (!figure.stabiliser) return null;
  const H = params.hiddenSize;
  // The units the diagram draws: the reader's pick, else the ones that changed most.
  const units = (picked && picked.length > 0 && picked.every((u) => u < H) ? picked : unitsThatChangedMost(trace, MAX_ROWS)).slice(0, MAX_ROWS);
  const rows = figure.stabiliser(trace, units);
  return (
    <section className="stab-panel" aria-labelledby="stab-title">
      <h3 id="stab-title">{t('stab.title')}</h3>
      <p className="scan-lead">
        <MathText text={t('stab.lead')} />
      </p>
      <div className="stab-scroll" tabIndex={0} role="group" aria-labelledby="stab-title">
        <table className="stab-table">
          <thead>
            <tr>
              <th scope="col" />
              {units.map((k) => (
                <th key={k} scope="col">
                  {t('stab.unit', { k: k + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  <MathText text={r.symbol} /> <span className="stab-label">{t(r.label)}</span>
                </th>
                {r.values.map((v, j) => (
                  <td key={units[j]} className={r.overflow?.[j] ? 'overflow' : undefined}>
                    <MathText text={v} />
                    {r.overflow?.[j] && (
                      <span className="stab-inf" title={t('stab.overflow')}>
                        {' '}
                        ∞
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
