import { memo } from 'react';
import type { Theme } from '../../store/types';
import { valueColor, inkOn } from '../../viz/colors';
import { cellRect, type HeatmapLayout, type HeatmapSeries } from '../../viz/heatmapLayout';
import { formatValue } from '../../viz/vectors';
import { useFigurePart } from '../useFigurePart';

/** A small heatmap as SVG rectangles, with each value printed when the cells are wide enough. */
export const HeatmapSvg = memo(function HeatmapSvg({ layout: L, series: s, theme, title }: { layout: HeatmapLayout; series: HeatmapSeries; theme: Theme; title: string }) {
  const figurePart = useFigurePart<SVGSVGElement>(title);
  const marks = [];
  for (let t = 0; t < L.tokens; t++) {
    for (let k = 0; k < L.units; k++) {
      const v = s.values[t]![k]!;
      const r = cellRect(L, { t, k });
      const fill = valueColor(v, s.range, theme);
      marks.push(
        <g key={`${t}-${k}`}>
          <rect x={r.x} y={r.y} width={r.w} height={r.h} fill={fill} />
          {L.showNumbers && (
            <text x={r.x + r.w / 2} y={r.y + r.h / 2 + 4} textAnchor="middle" fill={inkOn(fill)} className="hm-num">
              {formatValue(v)}
            </text>
          )}
        </g>,
      );
    }
  }
  return (
    <svg width={L.width} height={L.height} viewBox={`0 0 ${L.width} ${L.height}`} aria-hidden="true" className="hm-svg" ref={figurePart}>
      {marks}
    </svg>
  );
});
