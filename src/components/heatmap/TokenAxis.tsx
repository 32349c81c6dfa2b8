import { visibleToken } from '../../text/visible';
import type { EmbeddedToken } from '../../engine';
import type { HeatmapLayout } from '../../viz/heatmapLayout';
import { useFigurePart } from '../useFigurePart';

/**
 * Column labels over the heatmaps: the tokens when there is room (sideways when narrow), else
 * every tenth step number; the current step is bold. Every value stays reachable by hover/focus.
 */
export function TokenAxis({ layout: L, tokens, current }: { layout: HeatmapLayout; tokens: readonly EmbeddedToken[]; current: number }) {
  const figurePart = useFigurePart<SVGSVGElement>('');
  const wide = L.cellW >= 40;
  const sparse = L.tokens > 80;
  const height = wide ? 34 : sparse ? 22 : 62;
  return (
    <svg className="hm-axis" width={L.width} height={height} aria-hidden="true" ref={figurePart}>
      {tokens.map((tok, t) => {
        if (sparse && t % 10 !== 0 && t !== current) return null;
        const cx = t * L.cellW + L.cellW / 2;
        const cls = t === current ? 'current' : undefined;
        if (wide)
          return (
            <g key={t} className={cls}>
              <text x={cx} y={12} textAnchor="middle" className="hm-axis-t">
                {t}
              </text>
              <text x={cx} y={29} textAnchor="middle">
                {Array.from(visibleToken(tok.token)).slice(0, 7).join('')}
              </text>
            </g>
          );
        if (sparse)
          return (
            <text key={t} x={cx} y={16} textAnchor="middle" className={cls}>
              {t}
            </text>
          );
        return (
          <text key={t} className={cls} transform={`translate(${cx + 4}, ${height - 4}) rotate(-90)`}>
            {Array.from(tok.token).slice(0, 8).join('')}
          </text>
        );
      })}
    </svg>
  );
}
