import { useCallback, useEffect, useRef, useState } from 'react';
import type { EmbeddedToken } from '../../engine';
import type { Translate } from '../../i18n';
import type { Theme } from '../../store/types';
import { legendStops } from '../../viz/colors';
import { cellAt, cellRect, moveCell, type Cell, type HeatmapLayout, type HeatmapSeries } from '../../viz/heatmapLayout';
import { formatValue } from '../../viz/vectors';
import { drawHeatmap } from './drawHeatmap';
import { HeatmapSvg } from './HeatmapSvg';
import { useFigurePart } from '../useFigurePart';
import { MATH_SLOT, MathSlot, MathText } from '../diagram/MathText';

interface Props {
  series: HeatmapSeries;
  layout: HeatmapLayout;
  mode: 'svg' | 'canvas';
  tokens: readonly EmbeddedToken[];
  current: number;
  theme: Theme;
  t: Translate;
  selectedUnit: number | null;
  onGo: (step: number) => void;
  onSelectUnit: (k: number) => void;
  /** Says a sentence in the view's polite live region. */
  announce: (msg: string) => void;
  helpId: string;
}

/** The sentence "Step 3, token “in”, unit 2, h_t = 0.123" for a cell: tooltip, readout, tests. */
function readout(tr: Translate, s: HeatmapSeries, tokens: readonly EmbeddedToken[], c: Cell, sym = s.symbol): string {
  // The slot mark is invisible; a token that held one would move the symbol, so it is dropped.
  const token = tokens[c.t]!.token.replaceAll(MATH_SLOT, '');
  return tr('heatmap.readout', { t: c.t, token, k: c.k + 1, sym, v: formatValue(s.values[c.t]![c.k]!) });
}

/** Tooltips (about 260 px wide) grow away from the nearest edge so they are never cut off. */
function tipAlign(x: number, width: number): 'start' | 'middle' | 'end' {
  return x < 120 ? 'start' : x > width - 120 ? 'end' : 'middle';
}

/** Width of the sticky unit-label column that covers the scroller's left edge. */
const LABELS_W = 44;

/**
 * Centres columns [x0, x1) of `el` in the heatmaps' shared scroller when they are off screen or
 * so close to an edge that their tooltip (≈ 240 px) would be cut off.
 */
export function revealColumns(el: HTMLElement | null, x0: number, x1: number): void {
  const box = el?.closest<HTMLElement>('.hm-scroll');
  if (!el || !box) return;
  const left = el.offsetLeft + x0; // content coordinates (the scroller is the offset parent)
  const right = el.offsetLeft + x1;
  const margin = Math.min(120, (box.clientWidth - LABELS_W) / 3);
  const visibleLeft = box.scrollLeft + LABELS_W;
  const visibleRight = box.scrollLeft + box.clientWidth;
  if (left < visibleLeft + margin || right > visibleRight - margin) {
    box.scrollLeft = (left + right) / 2 - (LABELS_W + box.clientWidth) / 2;
  }
}

/**
 * One vector over the whole sentence. Hit-testing goes through the pure pixel -> cell mapping
 * in both modes, so SVG and canvas behave the same: hover shows a tooltip, click goes to that
 * step, and the focused heatmap is a keyboard grid (arrows move a cursor, Enter goes there).
 */
export function HeatmapPanel({ series: s, layout: L, mode, tokens, current, theme, t, selectedUnit, onGo, onSelectUnit, announce, helpId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Cell | null>(null);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const name = t(s.label, { g: s.symbol });
  const figurePart = useFigurePart<HTMLCanvasElement>(name);
  const canvasRef = useCallback(
    (el: HTMLCanvasElement | null) => {
      canvas.current = el;
      return figurePart(el);
    },
    [figurePart],
  );

  useEffect(() => {
    if (mode === 'canvas' && canvas.current) drawHeatmap(canvas.current, L, s, theme);
  }, [mode, L, s, theme]);

  // Keep the keyboard cursor's column on screen.
  useEffect(() => {
    if (cursor) revealColumns(surface.current, cursor.t * L.cellW, (cursor.t + 1) * L.cellW);
  }, [cursor, L]);

  const at = (e: React.MouseEvent<HTMLElement>): Cell | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return cellAt(L, e.clientX - box.left, e.clientY - box.top);
  };
  const onKey = (e: React.KeyboardEvent) => {
    const from = cursor ?? { t: current, k: 0 };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onGo(from.t);
      return;
    }
    const to = moveCell(L, from, e.key);
    if (!to) return;
    e.preventDefault();
    setCursor(to);
    announce(readout(t, s, tokens, to));
  };
  const onFocus = () => {
    const c = cursor ?? { t: Math.min(current, L.tokens - 1), k: 0 };
    setCursor(c);
    announce(readout(t, s, tokens, c));
  };

  const col = cellRect(L, { t: current, k: 0 });
  const shownCell = hover ?? cursor;
  const tip = shownCell ? cellRect(L, shownCell) : null;
  const stops = legendStops(s.range, theme, 7);
  const rowButtons = L.cellH >= 24;
  return (
    <div className="hm-panel" data-vector={s.id}>
      <div className="hm-title">
        <strong>
          <MathText text={name} />
        </strong>
        <span className="hm-scale" aria-hidden="true">
          {stops.map(([v, c]) => (
            <span key={v} style={{ background: c }} />
          ))}
        </span>
        <span className="hm-scale-text">{t(`heatmap.scale.${s.range}`)}</span>
        {!rowButtons && (
          // Rows too thin for a 24 px target: one menu does what the row buttons would.
          <label className="hm-unit-menu">
            <span>{t('heatmap.plotUnit')}</span>
            <select value={selectedUnit ?? ''} onChange={(e) => e.target.value !== '' && onSelectUnit(Number(e.target.value))}>
              <option value="">—</option>
              {Array.from({ length: L.units }, (_, k) => (
                <option key={k} value={k}>
                  u{k + 1}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="hm-body">
        <div className="hm-units" style={{ gridTemplateRows: `repeat(${L.units}, ${L.cellH}px)` }}>
          {Array.from({ length: L.units }, (_, k) =>
            rowButtons ? (
              <button
                key={k}
                type="button"
                className={selectedUnit === k ? 'hm-unit selected' : 'hm-unit'}
                aria-pressed={selectedUnit === k}
                aria-label={t('heatmap.unitButton', { k: k + 1, sym: s.symbol })}
                style={{ height: L.cellH }}
                onClick={() => onSelectUnit(k)}
              >
                u{k + 1}
              </button>
            ) : (
              <span key={k} className={selectedUnit === k ? 'hm-unit selected' : 'hm-unit'} aria-hidden="true" style={{ height: L.cellH }}>
                u{k + 1}
              </span>
            ),
          )}
        </div>
        <div
          className="hm-surface"
          ref={surface}
          role="application"
          aria-roledescription="heatmap"
          aria-label={t('heatmap.grid', { name })}
          aria-describedby={helpId}
          tabIndex={0}
          style={{ width: L.width, height: L.height }}
          onMouseMove={(e) => setHover(at(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const c = at(e);
            if (c) {
              setCursor(c);
              onGo(c.t);
            }
          }}
          onKeyDown={onKey}
          onFocus={onFocus}
          onBlur={() => setCursor(null)}
        >
          {mode === 'canvas' ? <canvas ref={canvasRef} style={{ width: L.width, height: L.height }} aria-hidden="true" /> : <HeatmapSvg layout={L} series={s} theme={theme} title={name} />}
          <div className="hm-current" aria-hidden="true" style={{ left: col.x - 1, width: L.cellW + 1, height: L.height }} />
          {cursor && <div className="hm-cursor" aria-hidden="true" style={{ left: cursor.t * L.cellW - 1, top: cursor.k * L.cellH - 1, width: L.cellW + 1, height: L.cellH + 1 }} />}
          {shownCell && tip && (
            <div
              className={`hm-tip ${tipAlign(tip.x + tip.w / 2, L.width)} ${tip.y > 40 ? 'above' : 'below'}`}
              role="tooltip"
              style={{ left: tip.x + tip.w / 2, top: tip.y > 40 ? tip.y : tip.y + tip.h }}
            >
              <MathSlot text={readout(t, s, tokens, shownCell, MATH_SLOT)} math={s.symbol} />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
