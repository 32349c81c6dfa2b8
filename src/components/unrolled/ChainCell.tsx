import { shortToken } from '../../text/visible';
import { memo } from 'react';
import type { EmbeddedToken, StepTrace } from '../../engine';
import type { Theme } from '../../store/types';
import { valueColor } from '../../viz/colors';
import type { ChainCell as CellGeometry, UnrolledLayout } from '../../viz/unrolledLayout';
import { formatValue } from '../../viz/vectors';
import { stateRange, type VectorRange } from '../../viz/kinds';

interface Props {
  cell: CellGeometry;
  layout: UnrolledLayout;
  token: EmbeddedToken;
  /** Null for steps not computed or not reached: they show no values. */
  trace: StepTrace | null;
  belt: boolean;
  theme: Theme;
  name: string;
  tabbable: boolean;
  /** Id of the arrowhead marker in this row's SVG. */
  arrowId: string;
}

/** One step of the chain: h circle, box with its value swatches, x circle and token. */
export const ChainCell = memo(function ChainCell({ cell, layout: L, token, trace, belt, theme, name, tabbable, arrowId }: Props) {
  const { x, y, w, h, input, output, t, phase } = cell;
  const columns: Array<{ values: ArrayLike<number>; range: VectorRange }> = [];
  // A condensed row paints its swatches as one bitmap (SwatchImage); here only the full size.
  if (trace && phase !== 'future' && !L.condensed) {
    columns.push({ values: trace.h, range: stateRange(trace) });
    if (belt && 'c' in trace) columns.push({ values: trace.c, range: 'unbounded' });
  }
  const sub = String(t);
  return (
    <g className={`chain-cell ${phase}`} role="button" tabIndex={tabbable ? 0 : -1} aria-label={name} aria-current={phase === 'current' ? 'step' : undefined} data-t={t}>
      <title>{name}</title>
      {/* h_t goes up out of the cell */}
      <line className="wire" x1={output.cx} y1={y} x2={output.cx} y2={output.cy + output.r + 1} markerEnd={`url(#${arrowId})`} />
      <circle className="h-circle" cx={output.cx} cy={output.cy} r={output.r} />
      {!L.condensed && (
        <text className="circle-label" x={output.cx} y={output.cy + 4} textAnchor="middle" fontSize={L.labelSize}>
          h
          <tspan fontSize={sub.length > 2 ? L.subSize - 1 : L.subSize} dy={3}>
            {sub}
          </tspan>
        </text>
      )}
      {/* x_t comes up into the cell */}
      <line className="wire" x1={input.cx} y1={input.cy - input.r} x2={input.cx} y2={y + h + 1} markerEnd={`url(#${arrowId})`} />
      <circle className="x-circle" cx={input.cx} cy={input.cy} r={input.r} />
      {!L.condensed && (
        <text className="circle-label" x={input.cx} y={input.cy + 4} textAnchor="middle" fontSize={L.labelSize}>
          x
          <tspan fontSize={sub.length > 2 ? L.subSize - 1 : L.subSize} dy={3}>
            {sub}
          </tspan>
        </text>
      )}
      <rect className="cell-box" x={x} y={y} width={w} height={h} rx={L.condensed ? 3 : 8} />
      {belt && <line className="belt" x1={x} y1={L.beltY} x2={x + w} y2={L.beltY} />}
      <line className="state-line" x1={x} y1={L.stateY} x2={x + w} y2={L.stateY} />
      {columns.map((col, c) =>
        // The layout's rows: every unit, or the first MAX_CHAIN_UNITS of a large cell.
        Array.from({ length: Math.min(col.values.length, L.unitY.length) }, (_, k) => col.values[k]!).map((v, k) => {
          const sx = x + L.columnX[c]!;
          const sy = L.unitY[k]!;
          return (
            <g key={`${c}-${k}`}>
              <rect className="swatch" x={sx} y={sy} width={L.swatch.w} height={L.swatch.h} fill={valueColor(v, col.range, theme)} />
              {L.showNumbers && (
                <text className="cell-num" x={sx + L.swatch.w + 3} y={sy + L.swatch.h - 1.5} fontSize={L.numberSize}>
                  {formatValue(v)}
                </text>
              )}
            </g>
          );
        }),
      )}
      {L.condensed ? (
        <text className="token-label" transform={`translate(${input.cx + 3}, ${cell.tokenY - 1}) rotate(-90)`} textAnchor="end" fontSize={L.fontSize}>
          {shortToken(token.token, 8)}
        </text>
      ) : (
        <text className="token-label" x={input.cx} y={cell.tokenY} textAnchor="middle" fontSize={L.tokenSize}>
          {shortToken(token.token, Math.floor(((w + L.gap) * 13) / (8 * L.tokenSize)))}
        </text>
      )}
    </g>
  );
});
