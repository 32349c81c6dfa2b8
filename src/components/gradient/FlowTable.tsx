import type { FlowSeries } from '../../viz/gradientFlow';
import { useT } from '../StoreContext';
import { flowLines } from './FlowChart';
import { MathText } from '../diagram/MathText';

/** Scientific notation keeps 1e-9 and 0.93 equally readable. */
function formatGain(x: number): string {
  return x === 0 ? '0' : x.toExponential(2).replace('-', '−');
}

/** The chart's numbers as a table: the accessible form, and what tests read. */
export function FlowTable({ tokens, left, right, caption }: { tokens: readonly string[]; left: FlowSeries; right: FlowSeries; caption: string }) {
  const t = useT();
  // Every line of both charts, the left one's first (its h leads, as before).
  const cols = [left, right].flatMap((s) => flowLines(s, t).map((l) => ({ key: `${s.kind}-${l.id}`, head: `${t(`kind.${s.kind}`)} · ${l.label}`, values: l.values })));
  return (
    <details className="flow-numbers">
      <summary>
        <MathText text={t('flow.numbers')} />
      </summary>
      <div className="table-wrap">
        <table className="values">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">t</th>
              <th scope="col">{t('flow.token')}</th>
              {cols.map((c) => (
                <th scope="col" key={c.key}>
                  <MathText text={c.head} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok, k) => (
              <tr key={k}>
                <td>{k}</td>
                <th scope="row">{tok}</th>
                {cols.map((c) => (
                  <td key={c.key} data-value={c.values[k]}>
                    {formatGain(c.values[k]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
