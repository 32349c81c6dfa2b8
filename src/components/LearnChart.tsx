import { useEffect, useId, useState } from 'react';
import { BASELINE_KIND, type CellKind, DEFAULT_KIND, gateParts, kindOf, type StartId, startIds } from '../engine';
import { alwaysUpTo, gradientOf, learnLayout, markerOf, markerPath, neverFrom, type LearnData, seriesOf, startsIn } from '../viz/learnChart';
import { fetchLearnReport } from './learnReport';
import { useT } from './StoreContext';

const W = 640;
const HGT = 220;
const pct = (p: number) => `${Math.round(p * 100)}%`;
const sci = (x: number) => (x >= 0.01 ? x.toFixed(2) : x.toExponential(1).replace('-', '−'));

type Compare = 'kinds' | 'starts';

/** The series a comparison draws: each kind from its first start, or the RNN's starts beside the current kind's. */
function shown(data: LearnData, kind: CellKind, compare: Compare) {
  if (compare === 'kinds') return data.series.filter((s) => s.start === startIds(s.kind)[0]);
  const other = kind === BASELINE_KIND ? DEFAULT_KIND : kind;
  return data.series.filter((s) => s.kind === BASELINE_KIND || s.kind === other);
}

/** The classes that give a series its colour (kind), its dash (group, or start by start) and its place. */
const seriesClass = (kind: CellKind, start: StartId) => `kind-${kind} group-${kindOf(kind).group} start-${startIds(kind).indexOf(start)}`;

/**
 * The series' line as the chart draws it, in its colour and dash with its marker: the chart's
 * legend, at the head of its row of the table.
 */
function LineSample({ kind, start }: { kind: CellKind; start: StartId }) {
  return (
    <svg className={`line-sample ${seriesClass(kind, start)}`} width="30" height="12" aria-hidden="true" data-marker={markerOf(kind)}>
      <path className="line" d="M1,6L29,6" />
      <path className="mark" d={markerPath(markerOf(kind), 15, 6, 3.5)} />
    </svg>
  );
}

/**
 * Can each cell *learn* the memory task at a gap, from scratch? Median held-out accuracy over
 * seeds per gap (a line per kind, the range over seeds as a bar), chance dashed, the same numbers
 * as a table, and one sentence built from the measurement. "Starts" draws instead the RNN's
 * starts beside the current kind's, with the gradient that reaches the country before training.
 */
export function LearnChart({ kind, id = 'learnability' }: { kind: CellKind; id?: string }) {
  const t = useT();
  const name = useId();
  const [data, setData] = useState<LearnData | null>(null);
  const [compare, setCompare] = useState<Compare>('kinds');
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
  // and up to where every classic gated kind learned in every seed (each from its first start, the
  // open keep gate the sentence describes; today's kinds are in the table, from their own starts).
  const rnnNever = neverFrom(data, BASELINE_KIND);
  const gated = data.series.filter((s) => kindOf(s.kind).group === 'classic' && gateParts(s.kind).length > 0 && s.start === startIds(s.kind)[0]).map((s) => alwaysUpTo(data, s.kind));
  const gatedAll = gated.length > 0 && gated.every((x) => x !== null) ? Math.min(...(gated as number[])) : null;
  const hasStarts = data.series.some((s) => s.start !== startIds(s.kind)[0]);
  const series = shown(data, kind, hasStarts ? compare : 'kinds');
  const byStart = hasStarts && compare === 'starts';
  const isCurrent = (s: (typeof series)[number]) => s.kind === kind && (byStart || s.start === startIds(kind)[0]);
  const ordered = [...series].sort((a, b) => (isCurrent(a) ? 1 : 0) - (isCurrent(b) ? 1 : 0));
  const label = (s: (typeof series)[number]) => (byStart ? t('learn.seriesStart', { kind: t(`kind.${s.kind}`), start: t(`start.${s.start}`) }) : t(`kind.${s.kind}`));
  const gradGap = data.gradient[0]?.gap;
  // In "starts", the sentence reads the table at one gap (the gradient's): seeds that learned,
  // from the RNN's first start and its best one, from the other kind's first start and its worst.
  const other = kind === BASELINE_KIND ? DEFAULT_KIND : kind;
  const at = (k: CellKind, start: StartId) => seriesOf(data, k, start)?.points.find((p) => p.gap === gradGap);
  const ranked = (k: CellKind) =>
    startsIn(data, k)
      .map((start) => ({ start, p: at(k, start) }))
      .filter((x) => x.p !== undefined)
      .sort((a, b) => b.p!.learned - a.p!.learned);
  const rnnR = ranked(BASELINE_KIND);
  const otherR = ranked(other);
  const startName = (s: StartId) => t(`start.${s}`);
  const findingStarts =
    gradGap !== undefined && rnnR.length > 1 && otherR.length > 1
      ? {
          gap: gradGap,
          seeds,
          rnnFirst: at(BASELINE_KIND, startIds(BASELINE_KIND)[0]!)?.learned ?? '–',
          rnnBest: rnnR[0]!.p!.learned,
          rnnBestStart: startName(rnnR[0]!.start),
          kind: t(`kind.${other}`),
          kFirst: at(other, startIds(other)[0]!)?.learned ?? '–',
          kFirstStart: startName(startIds(other)[0]!),
          kWorst: otherR.at(-1)!.p!.learned,
          kWorstStart: startName(otherR.at(-1)!.start),
        }
      : null;
  return (
    <figure className={`gap-chart learn-chart${byStart ? ' by-start' : ''}`} data-testid="learn-chart" id={id}>
      <h3>{t('learn.title')}</h3>
      {hasStarts && (
        <fieldset className="learn-compare" role="radiogroup" aria-label={t('learn.compare')}>
          <legend>{t('learn.compare')}</legend>
          {(['kinds', 'starts'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name={name} value={c} checked={compare === c} onChange={() => setCompare(c)} /> {t(`learn.compare.${c}`)}
            </label>
          ))}
        </fieldset>
      )}
      <p className="learn-finding" data-testid="learn-finding">
        {byStart && findingStarts
          ? t('learn.findingStarts', findingStarts)
          : rnnNever !== null && gatedAll !== null
            ? t('learn.finding', { rnn: rnnNever, gated: gatedAll, seeds })
            : t('learn.findingMixed', { seeds })}
      </p>
      <svg viewBox={`0 0 ${W} ${HGT}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t(byStart ? 'learn.chartTitleStarts' : 'learn.chartTitle')}</title>
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
          // A small sideways offset per line, so ranges at the same gap do not hide each other.
          const dx = (series.indexOf(s) - (series.length - 1) / 2) * 3;
          const current = isCurrent(s);
          return (
            <g key={`${s.kind}:${s.start}`} data-kind={s.kind} data-start={s.start} data-marker={markerOf(s.kind)} className={`gap-line ${seriesClass(s.kind, s.start)}${current ? ' current' : ''}`}>
              <path className="line" d={pts.map((p, k) => `${k ? 'L' : 'M'}${p.x + dx},${p.y}`).join('')} />
              {pts.map((p) => (
                <g key={p.gap}>
                  <line className="range" x1={p.x + dx} x2={p.x + dx} y1={g.y(p.min)} y2={g.y(p.max)} />
                  <path className="mark" d={markerPath(markerOf(s.kind), p.x + dx, p.y, current ? 4 : 3)} />
                </g>
              ))}
              <text className="lab" x={g.plot.right + 6} y={last.y + 4}>
                {!byStart && (s.kind === kind || s.kind === BASELINE_KIND) ? t(`kind.${s.kind}`) : ''}
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
              <th scope="col">{t(byStart ? 'learn.start' : 'gap.cell')}</th>
              {data.gaps.map((gap) => (
                <th key={gap} scope="col">
                  {gap}
                </th>
              ))}
              {byStart && gradGap !== undefined && <th scope="col">{t('learn.gradCol', { gap: gradGap })}</th>}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => {
              const grad = gradientOf(data, s.kind, s.start);
              return (
                <tr key={`${s.kind}:${s.start}`} data-kind={s.kind} data-start={s.start} className={isCurrent(s) ? 'current' : undefined}>
                  <th scope="row">
                    <LineSample kind={s.kind} start={s.start} /> {label(s)}
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
                  {byStart && gradGap !== undefined && (
                    <td className="num" data-grad={grad?.share} title={grad ? t('learn.gradTitle', { min: sci(grad.min), max: sci(grad.max) }) : undefined}>
                      {grad ? sci(grad.share) : '–'}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <figcaption>{byStart ? t('learn.captionStarts', { seeds, chance: pct(chance), gap: gradGap ?? '–' }) : t('learn.caption', { seeds, chance: pct(chance) })}</figcaption>
    </figure>
  );
}
