import { barExtent, formatValue, traceVectors } from '../viz/vectors';
import { useGatescope, useT } from './StoreContext';

/**
 * Every vector of the current step as an accessible table (rows: vectors, columns: units), with
 * a small bar per value. The diagrams draw the same numbers; this is their text fallback.
 */
export function ValuesTable() {
  const t = useT();
  const step = useGatescope((s) => s.t);
  const trace = useGatescope((s) => s.history[s.t]);
  if (!trace) return null;
  const rows = traceVectors(trace);
  const width = Math.max(...rows.map((r) => r.values.length));
  return (
    <div className="table-wrap">
      <table className="values">
        <caption>{t('valuesAt', { t: step })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vector')}</th>
            {Array.from({ length: width }, (_, k) => (
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
              {Array.from({ length: width }, (_, k) => {
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
