import { visibleToken } from '../../text/visible';
import { LAB_CHART, formatNorm, gradChart } from '../../viz/labCharts';
import { ChartAxes } from './ChartAxes';
import { useGatescope, useT } from '../StoreContext';
import { MathText } from '../diagram/MathText';

const C = LAB_CHART;

/**
 * The probe's ‖∂L/∂h_t‖ (and ‖∂L/∂C_t‖) at every word, both runs, log scale: the RNN's fades
 * toward the first words, the LSTM's cell-state gradient does not. The numbers are in a table.
 */
export function LabGradients() {
  const t = useT();
  const runs = useGatescope((s) => s.lab.runs);
  const probes = runs?.map((r) => r.probe) ?? [];
  const first = probes.find((p) => p !== null);
  if (!runs || !first) return null;
  const tokens = first.tokens;
  const lines = runs.flatMap((r, k) => {
    const p = r.probe;
    if (!p) return [];
    const kind = t(`kind.${r.kind}`);
    return [{ key: `${k}h`, run: k, kind, which: 'h' as const, values: p.gradH }, ...(p.gradC ? [{ key: `${k}c`, run: k, kind, which: 'c' as const, values: p.gradC }] : [])];
  });
  const g = gradChart(
    tokens.length,
    lines.map((l) => l.values),
  );
  const findings = runs.map((r) => {
    const p = r.probe;
    if (!p || p.gradH.length === 0) return null;
    const last = p.gradH.at(-1)!;
    return t('lab.gradFinding', { kind: t(`kind.${r.kind}`), ratio: last > 0 ? formatNorm(p.gradH[0]! / last) : '—' });
  });
  const summary = lines.map((l) => `${l.kind} ‖∂L/∂${l.which}‖ ${formatNorm(l.values[0]!)} … ${formatNorm(l.values.at(-1)!)}`).join('; ');
  return (
    <figure className="lab-grad" data-testid="lab-gradients">
      <figcaption>
        <strong>{t('lab.gradTitle')}</strong>
        <span className="lab-probe">
          {' '}
          {first.series ? t('lab.probeSeries', { n: tokens.length, answer: first.answer }) : t('lab.probe', { text: tokens.map(visibleToken).join(' '), answer: first.answer })}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${C.width} ${C.height}`} role="img" aria-label={t('lab.gradLabel', { values: summary })}>
        <ChartAxes yTicks={g.yTicks} xTicks={g.xTicks} xLabel={first.series ? t('lab.seriesAxis') : t('lab.gradAxis')} />
        {lines.map((l) => (
          <path key={l.key} className={`lab-line run-${l.run}${l.which === 'c' ? ' belt' : ''}`} d={g.path(l.values)} />
        ))}
      </svg>
      <p className="lab-explain">
        <MathText text={t(first.series ? 'lab.gradExplainSeries' : 'lab.gradExplain')} />
      </p>
      {findings.map(
        (f, k) =>
          f && (
            <p key={k} className="lab-finding" data-testid={`lab-grad-finding-${k}`}>
              {f}
            </p>
          ),
      )}
      <details className="lab-numbers">
        <summary>{t('lab.numbers')}</summary>
        <table data-testid="lab-grad-table">
          <thead>
            <tr>
              <th scope="col">t</th>
              <th scope="col">{t('lab.colWord')}</th>
              {lines.map((l) => (
                <th key={l.key} scope="col">
                  {l.kind} ‖∂L/∂{l.which === 'h' ? 'h' : 'C'}‖
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok, i) => (
              <tr key={i}>
                <td>{i}</td>
                <td>{visibleToken(tok)}</td>
                {lines.map((l) => (
                  <td key={l.key}>{formatNorm(l.values[i]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
