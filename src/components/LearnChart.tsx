import { useEffect, useState } from 'react';
import { BASELINE_KIND, CELL_KINDS, type CellKind, gateParts } from '../engine';
import { alwaysUpTo, learnLayout, neverFrom, type LearnData } from '../viz/learnChart';
import { fetchLearnReport } from './learnReport';
import { useT } from './StoreContext';

const W = 640;
const HGT = 220;
const pct = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Can each cell *learn* the memory task at a gap, from scratch? Median held-out accuracy over
 * seeds per gap (a line per kind, the range over seeds as a bar), chance dashed, the same numbers
 * as a table, and one sentence built from the measurement.
 */
export function LearnChart({ kind, id = 'learnability' }: { kind: CellKind; id?: string }) {
  const t = useT();
  const [data, setData] = useState<LearnData | null>(null);
  useEffect(() => {
    let live = true;
    void fetchLearnReport().then((d) => {
      if (live) setData(d);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!data) return null;
  const g = learnLayout(data, W, HGT);
  const chance = 1 / data.classes;
  const seeds = data.series[0]!.points[0]!.seeds;
  // The sentence is built from the measurement: where the RNN stopped learning in every seed,
  // and up to where every gated kind learned in every seed.
  const rnnNever = neverFrom(data, BASELINE_KIND);
  const gated = data.series.filter((s) => gateParts(s.kind).length > 0).map((s) => alwaysUpTo(data, s.kind));
  const gatedAll = gated.length > 0 && gated.every((x) => x !== null) ? Math.min(...(gated as number[])) : null;
  const ordered = [...data.series].sort((a, b) => (a.kind === kind ? 1 : 0) - (b.kind === kind ? 1 : 0));
  return (
    <figure className="gap-chart learn-chart" data-testid="learn-chart" id={id}>
      <h3>{t('learn.title')}</h3>
      <p className="learn-finding" data-testid="learn-finding">
        {rnnNever !== null && gatedAll !== null ? t('learn.finding', { rnn: rnnNever, gated: gatedAll, seeds }) : t('learn.findingMixed', { seeds })}
      </p>
      <svg viewBox={`0 0 ${W} ${HGT}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t('learn.chartTitle')}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line className="grid" x1={g.plot.left} x2={g.plot.right} y1={g.y(v)} y2={g.y(v)} />
            <text className="tick" x={g.plot.left - 6} y={g.y(v) + 4} textAnchor="end">
              {pct(v)}
            </text>
          </g>
        ))}
        {data.gaps.map((gap) => (
          <text key={gap} className="tick" x={g.x(gap)} y={g.plot.bottom + 14} textAnchor="middle">
            {gap}
          </text>
        ))}
        <text className="axis" x={(g.plot.left + g.plot.right) / 2} y={HGT - 2} textAnchor="middle">
          {t('gap.axisX')}
        </text>
        <line className="chance" x1={g.plot.left} x2={g.plot.right} y1={g.y(chance)} y2={g.y(chance)} />
        {ordered.map((s) => {
          const pts = s.points.map((p) => ({ ...p, x: g.x(p.gap), y: g.y(p.median) }));
          const last = pts.at(-1)!;
          // A small sideways offset per kind, so ranges at the same gap do not hide each other.
          const dx = (CELL_KINDS.indexOf(s.kind) - 2) * 3;
          return (
            <g key={s.kind} className={`gap-line kind-${s.kind}${s.kind === kind ? ' current' : ''}`}>
              <path d={pts.map((p, k) => `${k ? 'L' : 'M'}${p.x + dx},${p.y}`).join('')} />
              {pts.map((p) => (
                <g key={p.gap}>
                  <line className="range" x1={p.x + dx} x2={p.x + dx} y1={g.y(p.min)} y2={g.y(p.max)} />
                  <circle cx={p.x + dx} cy={p.y} r={s.kind === kind ? 4 : 2.5} />
                </g>
              ))}
              <text className="lab" x={g.plot.right + 6} y={last.y + 4}>
                {s.kind === kind || s.kind === BASELINE_KIND ? t(`kind.${s.kind}`) : ''}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Focusable: in the narrow side column the table scrolls sideways, by keyboard too. */}
      <div className="gap-table-wrap" tabIndex={0} role="region" aria-label={t('gap.tableLabel')}>
        <table className="gap-table">
          <thead>
            <tr>
              <th scope="col">{t('gap.cell')}</th>
              {data.gaps.map((gap) => (
                <th key={gap} scope="col">
                  {gap}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.series.map((s) => (
              <tr key={s.kind} data-kind={s.kind} className={s.kind === kind ? 'current' : undefined}>
                <th scope="row">
                  <span className={`swatch kind-${s.kind}`} aria-hidden="true" /> {t(`kind.${s.kind}`)}
                </th>
                {data.gaps.map((gap) => {
                  const p = s.points.find((q) => q.gap === gap);
                  return (
                    <td
                      key={gap}
                      className="num"
                      data-gap={gap}
                      data-value={p?.median}
                      title={p ? t('learn.cellTitle', { min: pct(p.min), max: pct(p.max), n: p.learned, seeds: p.seeds }) : undefined}
                    >
                      {p ? `${pct(p.median)} (${p.learned}/${p.seeds})` : '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption>{t('learn.caption', { seeds, chance: pct(chance) })}</figcaption>
    </figure>
  );
}
