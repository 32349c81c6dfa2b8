import { useMemo, useState } from 'react';
import { MAX_ROWS } from '../viz/cellLayout';
import { unitsThatChangedMost } from '../viz/diagramVectors';
import { barExtent, formatValue, traceVectors } from '../viz/vectors';
import { useGatescope, useT } from './StoreContext';

/**
 * Every vector of the current step as an accessible table (rows: vectors, columns: units), with
 * a small bar per value. The diagrams draw the same numbers; this is their text fallback. With
 * more hidden units than the diagram draws, it shows the same units as the diagram (picked, or
 * the ones that changed most) until "show all" is pressed: 128 units × 20 rows of cells is what
 * made a step slow.
 */
export function ValuesTable() {
  const t = useT();
  const step = useGatescope((s) => s.t);
  const trace = useGatescope((s) => s.history[s.t]);
  const picked = useGatescope((s) => s.diagramUnits);
  const [all, setAll] = useState(false);
  const H = trace?.h.length ?? 0;
  const auto = useMemo(() => (trace && H > MAX_ROWS ? unitsThatChangedMost(trace, MAX_ROWS) : null), [trace, H]);
  if (!trace) return null;
  const rows = traceVectors(trace);
  const width = Math.max(...rows.map((r) => r.values.length));
  const capped = H > MAX_ROWS && !all;
  const cols: readonly number[] = capped
    ? picked && picked.length > 0 && picked.every((u) => u < H)
      ? picked
      : auto!
    : Array.from({ length: width }, (_, k) => k);
  return (
    <div className="table-wrap values-wrap">
      {H > MAX_ROWS && (
        <button type="button" className="show-all" aria-pressed={all} onClick={() => setAll(!all)}>
          {all ? t('table.showDiagram') : t('table.showAll', { n: H })}
        </button>
      )}
      <table className="values">
        <caption>{t('valuesAt', { t: step })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vector')}</th>
            {cols.map((k) => (
              <th scope="col" key={k}>
                {t('unit', { k: k + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-vector={r.id} className={`range-${r.range}`}>
              <th scope="row">
                <span className="sym">{r.symbol}</span> <span className="row-name">{t(r.label, { g: r.gate ?? '' })}</span>
              </th>
              {cols.map((k) => {
                const x = r.values[k];
                if (x === undefined) return <td key={k} className="empty" />;
                const bar = barExtent(x, r.range);
                return (
                  <td key={k} data-value={x}>
                    <span className="num">{formatValue(x)}</span>
                    <span className="bar" aria-hidden="true">
                      <span
                        className={x < 0 ? 'fill neg' : 'fill'}
                        style={{ left: `${bar.from * 100}%`, width: `${(bar.to - bar.from) * 100}%` }}
                      />
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
