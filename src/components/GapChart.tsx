import { useEffect, useMemo, useState } from 'react';
import type { CellKind } from '../engine';
import { gapChartLayout, seriesFromIndex, seriesFromReport, type GapSeries } from '../viz/gapChart';
import { useT } from './StoreContext';

const W = 640;
const HGT = 200;
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** public/models/index.json, fetched once per page (relative, like the model files). */
let indexPromise: Promise<unknown> | null = null;
function fetchIndex(): Promise<unknown> {
  indexPromise ??= fetch('./models/index.json')
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return indexPromise;
}

/**
 * Memory task: held-out accuracy against gap length, one line per cell kind (from the model
 * index; the loaded model's own report if the index is unavailable), the current kind thick,
 * chance dashed, and the same numbers as a table.
 */
export function GapChart({ kind, report, classes }: { kind: CellKind; report: unknown; classes: number }) {
  const t = useT();
  const [index, setIndex] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    void fetchIndex().then((j) => {
      if (live) setIndex(j);
    });
    return () => {
      live = false;
    };
  }, []);
  const series: GapSeries[] = useMemo(() => {
    const all = seriesFromIndex(index, 'memory');
    if (all.length > 0) return all;
    const own = seriesFromReport(kind, report);
    return own ? [own] : [];
  }, [index, kind, report]);
  if (series.length === 0) return null;
  const chance = 1 / classes;
  const g = gapChartLayout(series, { width: W, height: HGT, current: kind, chance });
  const perGap = series.find((s) => s.kind === kind)?.perGap ?? series[0]!.perGap;
  const maxTrain = series.find((s) => s.kind === kind)?.maxTrainGap ?? series[0]!.maxTrainGap;
  const gaps = g.xTicks.map((x) => x.gap);
  return (
    <figure className="gap-chart" data-testid="gap-chart">
      <h3>{t('gap.title')}</h3>
      <svg viewBox={`0 0 ${W} ${HGT}`} role="img" aria-labelledby="gap-chart-title">
        <title id="gap-chart-title">{t('gap.chartTitle')}</title>
        {g.yTicks.map((y) => (
          <g key={y.value}>
            <line className="grid" x1={g.plot.left} x2={g.plot.right} y1={y.y} y2={y.y} />
            <text className="tick" x={g.plot.left - 6} y={y.y + 4} textAnchor="end">
              {Math.round(y.value * 100)}%
            </text>
          </g>
        ))}
        {g.xTicks.map((x) => (
          <text key={x.gap} className="tick" x={x.x} y={g.plot.bottom + 14} textAnchor="middle">
            {x.gap}
          </text>
        ))}
        <text className="axis" x={(g.plot.left + g.plot.right) / 2} y={HGT - 2} textAnchor="middle">
          {t('gap.axisX')}
        </text>
        <line className="chance" x1={g.plot.left} x2={g.plot.right} y1={g.chanceY} y2={g.chanceY} />
        {g.lines.map((l) => (
          <g key={l.kind} className={`gap-line kind-${l.kind}${l.current ? ' current' : ''}`}>
            <path d={l.path} />
            {l.points.map((p) => (
              <circle key={p.gap} cx={p.x} cy={p.y} r={l.current ? 4 : 2.5} />
            ))}
            {(() => {
              const last = l.points.at(-1)!;
              return (
                <text className="lab" x={last.x - 4} y={last.y < 24 ? last.y + 16 : last.y - 8} textAnchor="end">
                  {l.current ? t(`kind.${l.kind}`) : ''}
                </text>
              );
            })()}
          </g>
        ))}
      </svg>
      <div className="gap-table-wrap">
      <table className="gap-table">
        <thead>
          <tr>
            <th scope="col">{t('gap.cell')}</th>
            {gaps.map((gap) => (
              <th key={gap} scope="col">
                {gap}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.kind} data-kind={s.kind} className={s.kind === kind ? 'current' : undefined}>
              <th scope="row">
                <span className={`swatch kind-${s.kind}`} aria-hidden="true" /> {t(`kind.${s.kind}`)}
              </th>
              {gaps.map((gap) => {
                const p = s.points.find((q) => q.gap === gap);
                return (
                  <td key={gap} className="num" data-gap={gap} data-value={p?.accuracy}>
                    {p ? pct(p.accuracy) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <figcaption>
        {perGap !== null && maxTrain !== null
          ? t('gap.caption', { n: perGap, maxTrain, chance: pct(chance) })
          : t('gap.captionNoN', { chance: pct(chance) })}
      </figcaption>
    </figure>
  );
}
