import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { stackOf } from '../../engine';
import { heatmapLayout, heatmapSeries, renderMode } from '../../viz/heatmapLayout';
import { HeatmapPanel, revealColumns } from '../heatmap/HeatmapPanel';
import { TokenAxis } from '../heatmap/TokenAxis';
import { PaintedText } from '../heatmap/PaintedText';
import { UnitLine } from '../heatmap/UnitLine';
import { measuredUnits } from '../../viz/paintedText';
import { useGatescope, useT } from '../StoreContext';
import { useTraces } from '../useTraces';

/** Past this many cells per panel the panels are added one at a time. */
const PANEL_AT_ONCE_CELLS = 20000;

/**
 * Every vector of the store's cell over the whole sentence: rows = units, columns = tokens.
 * The full run is computed here (memoized), not by moving the student's step to the end.
 */
export function HeatmapView() {
  const t = useT();
  const embedded = useGatescope((s) => s.embedded);
  const model = useGatescope((s) => s.model);
  const layer = useGatescope((s) => s.layer);
  // The shown layer of a stack (its x is the h of the layer below).
  const cell = stackOf(model)[layer] ?? model.cell;
  const current = useGatescope((s) => s.t);
  const theme = useGatescope((s) => s.theme);
  const goTo = useGatescope((s) => s.goTo);
  const report = useGatescope((s) => s.modelMeta?.report ?? null);
  const chars = useGatescope((s) => s.model.tokenizer === 'chars');
  const measured = useMemo(() => measuredUnits(report, cell.hiddenSize), [report, cell.hiddenSize]);
  // A large cell's run comes in slices: the panels appear when every column is known.
  const all = useTraces(stackOf(model), embedded);
  const series = useMemo(() => (all.complete ? heatmapSeries(all.layers[layer] ?? all.layers[0]!) : []), [all, layer]);
  const layout = useMemo(() => heatmapLayout(embedded.length, cell.hiddenSize), [embedded.length, cell.hiddenSize]);
  const mode = renderMode(embedded.length, cell.hiddenSize, series.length);
  // A large model's panels (hidden 512 × 200 tokens: 10⁵ cells each, with their unit rows) are
  // added one per task, so opening the view never holds the page for all six at once.
  const progressive = embedded.length * cell.hiddenSize > PANEL_AT_ONCE_CELLS;
  const [added, setAdded] = useState<{ series: typeof series; n: number }>({ series, n: 1 });
  const shown = !progressive ? series.length : added.series === series ? added.n : 1;
  useEffect(() => {
    if (shown >= series.length) return;
    const id = setTimeout(() => setAdded({ series, n: shown + 1 }), 0);
    return () => clearTimeout(id);
  }, [series, shown]);
  const [selected, setSelected] = useState<{ id: string; k: number } | null>(null);
  const [said, setSaid] = useState('');
  const announce = useCallback((msg: string) => setSaid(msg), []);
  const helpId = useId();
  // The current step's column stays on screen as the student steps (200 tokens scroll).
  const rows = useRef<HTMLDivElement>(null);
  useEffect(() => {
    revealColumns(rows.current?.querySelector<HTMLElement>('.hm-surface') ?? null, current * layout.cellW, (current + 1) * layout.cellW);
  }, [current, layout]);
  if (!all.complete) {
    return (
      <section className="heatmaps" aria-label={t('heatmap.label')}>
        <p className="hint" role="status">
          {t('heatmap.computing', { done: all.layers[0]?.length ?? 0, total: all.total })}
        </p>
        <progress max={all.total} value={all.layers[0]?.length ?? 0} aria-label={t('heatmap.computingLabel')} />
      </section>
    );
  }
  if (series.length === 0) return null;
  const sel = selected && series.find((s) => s.id === selected.id) && selected.k < cell.hiddenSize ? selected : null;
  const selSeries = sel ? series.find((s) => s.id === sel.id)! : null;
  const lineLabel = sel && selSeries ? t('heatmap.line', { k: sel.k + 1, name: t(selSeries.label, { g: selSeries.symbol }) }) : '';
  return (
    <section className="heatmaps" aria-label={t('heatmap.label')} data-mode={mode}>
      <p id={helpId} className="hint">
        {t('heatmap.help')} {mode === 'canvas' && t('heatmap.canvasNote')}
      </p>
      <PaintedText
        key={`${cell.kind}:${cell.hiddenSize}:${measured.length}`}
        series={series}
        tokens={embedded}
        current={current}
        theme={theme}
        hidden={cell.hiddenSize}
        measured={measured}
        onGo={goTo}
        t={t}
        chars={chars}
      />
      <div className="hm-scroll">
        <div className="hm-rows" ref={rows}>
          <div className="hm-body">
            <div className="hm-units" />
            <TokenAxis layout={layout} tokens={embedded} current={current} />
          </div>
          {series.slice(0, shown).map((s) => (
            <HeatmapPanel
              key={s.id}
              series={s}
              layout={layout}
              mode={mode}
              tokens={embedded}
              current={current}
              theme={theme}
              t={t}
              selectedUnit={sel?.id === s.id ? sel.k : null}
              onGo={goTo}
              onSelectUnit={(k) => setSelected(sel?.id === s.id && sel.k === k ? null : { id: s.id, k })}
              announce={announce}
              helpId={helpId}
            />
          ))}
          <div className="hm-line-row">
            {sel && selSeries ? (
              <>
                <p className="hm-line-title">{lineLabel}</p>
                <div className="hm-body">
                  <div className="hm-units" />
                  <UnitLine series={selSeries} unit={sel.k} layout={layout} current={current} label={lineLabel} />
                </div>
              </>
            ) : (
              <p className="hint hm-line-title">{t('heatmap.lineHint')}</p>
            )}
          </div>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" role="status" data-testid="heatmap-readout">
        {said}
      </p>
    </section>
  );
}
