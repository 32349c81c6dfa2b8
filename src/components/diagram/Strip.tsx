import type { Theme } from '../../store/types';
import { inkOn, valueColor } from '../../viz/colors';
import type { ShownVector } from '../../viz/diagramVectors';
import type { SwatchStrip } from '../../viz/layoutTypes';
import { formatCompact, formatValue } from '../../viz/vectors';
import { COLLAPSED_H } from '../../viz/cellLayout';
import { collapsedBand, type BandBox } from '../../viz/collapsedStrip';
import { useT } from '../StoreContext';
import { SvgMath } from './MathText';

interface Props {
  strip: SwatchStrip;
  vec: ShownVector;
  /** Which units to draw, in order (indices into vec.values). */
  units: readonly number[];
  theme: Theme;
  className: string;
  onPick: (unit: number) => void;
}

/** Arrow keys move focus along a strip (one tab stop per strip, not one per unit). */
function onArrow(e: React.KeyboardEvent<SVGGElement>) {
  const next = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
  if (!next) return;
  const items = Array.from(e.currentTarget.parentElement?.querySelectorAll<SVGGElement>('[data-unit]') ?? []);
  const k = items.indexOf(e.currentTarget);
  const to = items[k + next];
  if (!to) return;
  e.preventDefault();
  items.forEach((el) => el.setAttribute('tabindex', '-1'));
  to.setAttribute('tabindex', '0');
  to.focus();
}

/** Where the band of the units not shown goes: under a column, or right of a row. */
function bandBox(strip: SwatchStrip, col: boolean, end: number): BandBox {
  return col ? { x: strip.x, y: strip.y + end + 3, width: strip.cellW, height: COLLAPSED_H } : { x: strip.x + end + 3, y: strip.y, width: strip.cellW * 4, height: strip.cellH };
}

/** One vector as a column (or row) of unit swatches, each a button named with its value. */
export function Strip({ strip, vec, units, theme, className, onPick }: Props) {
  const t = useT();
  const name = t(vec.label);
  const col = strip.orientation === 'column';
  const shown = units.slice(0, strip.count);
  const hidden = vec.values.length - shown.length;
  const end = shown.length * (col ? strip.cellH : strip.cellW);
  // The number's baseline below the swatch's centre: about a third of its digits' height (the
  // presenting swatches, taller, carry larger numbers: diagram.css).
  const drop = strip.cellH > 22 ? 8 : 5;
  return (
    <g role="group" aria-label={name} data-vector={strip.vector} className={`strip ${className}`}>
      <text className="strip-label" x={strip.labelX} y={strip.labelY} textAnchor="middle" aria-hidden="true">
        <SvgMath text={strip.symbol} />
      </text>
      {shown.map((u, row) => {
        const x = vec.values[u]!;
        const overflow = !Number.isFinite(x);
        // An overflowed value takes the colour of the scale's end, and is named in words.
        const fill = valueColor(overflow ? Math.sign(x) * Number.MAX_VALUE : x, vec.range, theme);
        const sx = col ? strip.x : strip.x + row * strip.cellW;
        const sy = col ? strip.y + row * strip.cellH : strip.y;
        const v = vec.wide ? formatCompact(x) : formatValue(x);
        return (
          // Keyed by row, not unit: when the most-changed units change, the same nodes get new
          // numbers instead of being torn down and rebuilt (and restyled).
          <g
            key={row}
            role="button"
            tabIndex={row === 0 ? 0 : -1}
            aria-label={t('diag.swatch', { name, k: u + 1, v: overflow ? t('stab.overflow') : v })}
            data-unit={u}
            data-value={x}
            className="swatch"
            onClick={() => onPick(u)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(u);
              } else onArrow(e);
            }}
          >
            <rect x={sx + 1} y={sy + 1} width={strip.cellW - 2} height={strip.cellH - 2} rx={3} fill={fill} />
            <text x={sx + strip.cellW / 2} y={sy + strip.cellH / 2 + drop} textAnchor="middle" fill={inkOn(fill)} className="num">
              {v}
            </text>
          </g>
        );
      })}
      {strip.collapsed && hidden > 0 && (
        <g role="img" aria-label={t('diag.more', { n: hidden })} className="collapsed" shapeRendering="crispEdges">
          {collapsedBand(vec.values, shown, vec.range, theme, bandBox(strip, col, end)).map((p) => (
            <path key={p.fill} d={p.d} fill={p.fill} />
          ))}
        </g>
      )}
    </g>
  );
}
