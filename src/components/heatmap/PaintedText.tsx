import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EmbeddedToken } from '../../engine';
import type { Theme } from '../../store/types';
import { visibleToken } from '../../text/visible';
import { inkOn, valueColor } from '../../viz/colors';
import type { HeatmapSeries } from '../../viz/heatmapLayout';
import { unitValues, type MeasuredUnit } from '../../viz/paintedText';
import { formatValue } from '../../viz/vectors';
import type { Translate } from '../../i18n';
import { MathText } from '../diagram/MathText';
import { subscriptText } from '../../viz/notation';

interface Props {
  readonly series: readonly HeatmapSeries[];
  readonly tokens: readonly EmbeddedToken[];
  readonly current: number;
  readonly theme: Theme;
  readonly hidden: number;
  readonly measured: readonly MeasuredUnit[];
  readonly onGo: (t: number) => void;
  readonly t: Translate;
  /** A character model's tokens run together, as typed; words get a gap between them. */
  readonly chars: boolean;
}

const shown = (x: number) => (Number.isFinite(x) ? formatValue(x) : '—');

/**
 * The typed text with each token's background coloured by one unit's value after it. Pick the
 * vector and unit, or one of the units the trainer measured. One token is in the tab order;
 * the arrow keys move along the text, and each token's name says its value.
 */
export function PaintedText({ series, tokens, current, theme, hidden, measured, onGo, t, chars }: Props) {
  const first = measured[0];
  const [pick, setPick] = useState<{ id: string; k: number }>(first ? { id: first.series, k: first.unit } : { id: series[0]!.id, k: 0 });
  const [cursor, setCursor] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const vecId = useId();
  const unitId = useId();
  const s = series.find((x) => x.id === pick.id) ?? series[0]!;
  const k = Math.min(pick.k, hidden - 1);
  const values = unitValues(s, k);
  const name = t('paint.title', { k: k + 1, sym: s.symbol });
  const at = Math.min(cursor, tokens.length - 1);
  const move = (e: KeyboardEvent) => {
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tokens.length - 1 : null;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onGo(at);
      return;
    }
    if (to === null) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(tokens.length - 1, to));
    setCursor(next);
    list.current?.querySelectorAll<HTMLElement>('li')[next]?.focus();
  };
  return (
    // The units a trainer measured are what this view is opened to show (the lesson scrolls here first).
    <section className="painted" aria-label={t('paint.label')} data-figure-lead={measured.length > 0 ? '' : undefined}>
      <div className="paint-controls">
        <label htmlFor={vecId}>{t('paint.vector')}</label>
        <select id={vecId} value={s.id} onChange={(e) => setPick({ id: e.target.value, k })}>
          {series.map((x) => (
            <option key={x.id} value={x.id}>
              {subscriptText(x.symbol)}
            </option>
          ))}
        </select>
        <label htmlFor={unitId}>{t('paint.unit')}</label>
        <input
          id={unitId}
          type="number"
          min={1}
          max={hidden}
          value={k + 1}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v) && v >= 1 && v <= hidden) setPick({ id: s.id, k: v - 1 });
          }}
        />
        {measured.length > 0 && (
          <span className="paint-measured" role="group" aria-label={t('paint.measured')}>
            {measured.map((u) => (
              <button key={`${u.series}${u.unit}${u.feature}`} type="button" aria-pressed={u.series === s.id && u.unit === k} onClick={() => setPick({ id: u.series, k: u.unit })}>
                {t('paint.found', { k: u.unit + 1, sym: u.series === 'c' ? 'C' : 'h', what: t(`feature.${u.feature}` as Parameters<Translate>[0]), r: u.r.toFixed(2) })}
              </button>
            ))}
          </span>
        )}
      </div>
      <p className="paint-title" aria-hidden="true">
        <MathText text={name} />
      </p>
      <ol className={chars ? 'paint-text chars' : 'paint-text'} ref={list} aria-label={name} onKeyDown={move}>
        {tokens.map((tok, j) => {
          const v = values[j]!;
          const bg = valueColor(v, s.range, theme);
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the list moves with the arrow keys (onKeyDown on the <ol>, roving tabindex).
            <li
              key={j}
              tabIndex={j === at ? 0 : -1}
              className={j === current ? 'current' : undefined}
              style={{ background: bg, color: inkOn(bg) }}
              aria-label={t('paint.token', { t: j, token: visibleToken(tok.token), v: shown(v) })}
              data-value={v}
              onClick={() => {
                setCursor(j);
                onGo(j);
              }}
              onFocus={() => setCursor(j)}
            >
              {/* A space keeps its width (and its colour) in the flowing text. */}
              {tok.token === ' ' ? '\u00a0' : tok.token}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
