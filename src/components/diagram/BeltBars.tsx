import type { Theme } from '../../store/types';
import { valueColor } from '../../viz/colors';
import type { Vec } from '../../engine';
import { useT } from '../StoreContext';
import { SvgMath } from './MathText';

interface Props {
  bars: { x: number; w: number; y: number };
  kept: Vec;
  written: Vec;
  units: readonly number[];
  rowH: number;
  theme: Theme;
  className: string;
  /** What the bars add up to: C_t or h_t. */
  result: string;
}

/**
 * For each unit, C_t (or the GRU's h_t) as a bar from 0: first the kept part (grey), then the
 * written part (coloured by sign) stacked on it, ending at the new value (a tick). Forgetting
 * shows as a short grey bar, writing as a long coloured one. The numbers are in the columns.
 */
export function BeltBars({ bars, kept, written, units, rowH, theme, className, result }: Props) {
  const t = useT();
  const zero = bars.x + bars.w / 2;
  const lim = Math.max(1, ...units.flatMap((u) => [Math.abs(kept[u]!), Math.abs(kept[u]! + written[u]!)]));
  const sx = (v: number) => zero + (v / lim) * (bars.w / 2 - 4);
  const span = (a: number, b: number) => ({ x: Math.min(sx(a), sx(b)), width: Math.abs(sx(b) - sx(a)) });
  return (
    <g className={`belt-bars ${className}`} aria-hidden="true">
      <text x={zero} y={bars.y - 10} textAnchor="middle" className="caption">
        <SvgMath text={t('diag.beltBars', { v: result })} />
      </text>
      <line x1={zero} x2={zero} y1={bars.y - 2} y2={bars.y + units.length * rowH + 2} className="zero" />
      {units.map((u, row) => {
        const k = kept[u]!;
        const c = k + written[u]!;
        const y = bars.y + row * rowH + 4;
        const h = rowH - 8;
        return (
          <g key={row}>
            <rect {...span(0, k)} y={y} height={h} className="kept-bar" />
            <rect {...span(k, c)} y={y} height={h} fill={valueColor(written[u]! >= 0 ? 0.8 : -0.8, 'signed', theme)} className="written-bar" />
            <line x1={sx(c)} x2={sx(c)} y1={y - 3} y2={y + h + 3} className="result-tick" />
          </g>
        );
      })}
    </g>
  );
}
