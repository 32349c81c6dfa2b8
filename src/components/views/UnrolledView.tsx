import { useEffect, useMemo, useRef, useState } from 'react';
import { hasCellState, stackOf } from '../../engine';
import { demoCell, selectCompareRow } from '../../selectors/compare';
import { kindOf } from '../../store/store';
import { scrollLeftFor, unrolledLayout } from '../../viz/unrolledLayout';
import { useGatescope, useT } from '../StoreContext';
import { ChainRow } from '../unrolled/ChainRow';
import { Presets } from '../unrolled/Presets';
import { RowKindPicker } from '../unrolled/RowKindPicker';
import { MathText } from '../diagram/MathText';

/**
 * The scale at which `contentH` (the rows' drawn height) fits the room it has: in a slide
 * ('frame'), the scroller's top to the bottom of the view panel, and the chain (`contentW`)
 * grows up to FRAME_MAX_SCALE while it fits the frame's width too; on a wide page ('page'), the
 * scroller's top to the bottom of the first screen, so both chains are on it, at most 1 (never
 * below 0.6 there: smaller would be unreadable, and the page scrolls instead). Row headings
 * excluded.
 */
const FRAME_MAX_SCALE = 1.6;
function useFitScale(mode: 'frame' | 'page' | 'off', box: React.RefObject<HTMLDivElement | null>, contentH: number, contentW: number): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = box.current;
    const panel = el?.closest('.view-panel');
    if (mode === 'off' || !el || !panel) return;
    const measure = () => {
      const heads = Array.from(el.querySelectorAll<HTMLElement>('.chain-row-head'), (h) => h.offsetHeight).reduce((a, b) => a + b, 0);
      const top = el.getBoundingClientRect().top;
      const bottom = mode === 'frame' ? panel.getBoundingClientRect().bottom : window.innerHeight - window.scrollY;
      const room = bottom - top - heads - 24; // the scrollbar and borders
      const fit = mode === 'frame' ? Math.min(FRAME_MAX_SCALE, (el.clientWidth - 4) / contentW) : 1;
      setScale(Math.max(mode === 'frame' ? 0.3 : 0.6, Math.min(fit, room / contentH)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(panel);
    return () => ro.disconnect();
  }, [mode, box, contentH, contentW]);
  return mode === 'off' ? 1 : scale;
}

/** Whether the page is in its two-column layout (styles.css, .workbench at 1024 px and up). */
function useWide(): boolean {
  const query = '(min-width: 1024px)';
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setWide(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return wide;
}

/**
 * Two cell kinds unrolled over the same sentence, one above the other (RNN above LSTM by default,
 * as in colah's essay). The bottom row is the store's cell, so it follows the cell-type picker
 * and the stepping controls; the top row is computed here with the engine: with the untrained
 * demo, the other kind's demo cell on the same x's; with a trained model, the same task's
 * trained model of the other kind (each through its own embedding, as each was trained).
 */
export function UnrolledView() {
  const t = useT();
  const embedded = useGatescope((s) => s.embedded);
  const history = useGatescope((s) => s.history);
  const stack = useGatescope((s) => s.stack);
  const shownLayer = useGatescope((s) => s.layer);
  const setLayer = useGatescope((s) => s.setLayer);
  const layerCount = stack.length;
  const step = useGatescope((s) => s.t);
  const kind = useGatescope(kindOf);
  const hidden = useGatescope((s) => (stackOf(s.model)[s.layer] ?? s.model.cell).hiddenSize);
  const theme = useGatescope((s) => s.theme);
  const goTo = useGatescope((s) => s.goTo);
  const setView = useGatescope((s) => s.setView);
  // With the tabs on screen, a cell opens its step in the cell diagram (the tab leads back);
  // in a slide that shows only the chain, it only moves the step.
  const tabs = useGatescope((s) => !s.hidden.includes('tabs'));
  const open = (step: number) => {
    goTo(step);
    if (tabs) setView('cell');
  };
  const setCellKind = useGatescope((s) => s.setCellKind);
  const topKind = useGatescope((s) => s.compareKind);
  const setTopKind = useGatescope((s) => s.setCompareKind);
  const numbers = useGatescope((s) => s.model.tokenizer === 'numbers');
  const row = useGatescope(selectCompareRow);
  const requestPartner = useGatescope((s) => s.requestPartner);
  useEffect(() => requestPartner(row.partnerId), [requestPartner, row.partnerId]);
  const compare = row.traces;
  const topHidden = row.hiddenSize;
  const columns = hasCellState(kind) || hasCellState(topKind) ? 2 : 1;
  // In a slide (embed mode) the chain is laid out for the frame: fewer units, larger type.
  const embed = useGatescope((s) => s.embed);
  const layout = useMemo(
    () => unrolledLayout({ n: embedded.length, current: step, hidden: Math.max(hidden, topHidden), columns, slide: embed }),
    [embedded.length, step, hidden, topHidden, columns, embed],
  );
  const topModelId = row.source === 'lab' ? `${row.model!.id} · ${t('model.fromLab')}` : (row.partnerId ?? `demo-${topKind}`);
  const topMissing =
    row.partnerId === null
      ? t('unrolled.cannotCompare', { kind: t(`kind.${topKind}`), m: demoCell(topKind).inputSize, n: embedded[0]?.x.length ?? 0 })
      : row.error !== null
        ? t('unrolled.compareFailed', { id: row.partnerId, message: row.error })
        : t('model.loading', { id: row.partnerId });

  // In a slide (embed mode) both rows are scaled to fit the frame; on the page they keep their
  // size and the page scrolls.
  const scroller = useRef<HTMLDivElement>(null);
  const wide = useWide();
  const scale = useFitScale(embed ? 'frame' : wide ? 'page' : 'off', scroller, Math.max(2, layerCount) * layout.height, layout.width);

  // Keep the current cell in view: scroll only when it is (partly) outside the viewport.
  useEffect(() => {
    const box = scroller.current;
    const c = layout.cells[step];
    if (!box || !c) return;
    const left = box.scrollLeft / scale;
    const viewW = box.clientWidth / scale;
    if (c.x < left || c.x + c.w > left + viewW) box.scrollLeft = scrollLeftFor(layout, step, viewW) * scale;
  }, [layout, step, scale]);

  if (embedded.length === 0) return null;
  // A stack draws its own layers as the rows (the deep-RNN picture: each row's h_t is the x_t of
  // the row above); a one-layer model is drawn under the comparison row.
  const rows: { key: string; kind: typeof kind; traces: typeof history | null; label: string; onKind: ((k: typeof kind) => void) | null; modelId: string | null; layer: number | null }[] =
    layerCount > 1
      ? stack.map((traces, l) => ({ key: `layer-${l}`, kind, traces, label: t('unrolled.layerRow', { n: l + 1 }), onKind: l === 0 ? setCellKind : null, modelId: null, layer: l })).reverse()
      : [
          { key: 'top', kind: topKind, traces: compare, label: t('unrolled.topRow'), onKind: setTopKind, modelId: topModelId, layer: null },
          { key: 'bottom', kind, traces: history, label: t('unrolled.bottomRow'), onKind: setCellKind, modelId: null, layer: null },
        ];
  return (
    <section className="unrolled" aria-label={t('unrolled.label')}>
      {/* The articles' examples are sentences: a time-series model reads numbers. */}
      {!embed && !numbers && <Presets />}
      <div className="chain-scroll" ref={scroller}>
        <div className="chain-rows">
          {rows.map((r) => (
            <div className={r.layer !== null && r.layer === shownLayer ? 'chain-row shown-layer' : 'chain-row'} key={r.key} data-layer={r.layer ?? undefined}>
              <div className="chain-row-head">
                {r.onKind ? <RowKindPicker id={`row-kind-${r.key}`} label={r.label} kind={r.kind} onChange={r.onKind} /> : <strong>{r.label}</strong>}
                {r.layer !== null && r.layer > 0 && <span className="hint">{t('layer.readsBelow', { below: r.layer })}</span>}
                {r.modelId && <code className="row-model">{r.modelId}</code>}
              </div>
              {r.traces ? (
                <ChainRow
                  kind={r.kind}
                  traces={r.traces}
                  tokens={embedded}
                  layout={layout}
                  theme={theme}
                  t={t}
                  onGo={(at) => {
                    if (r.layer !== null) setLayer(r.layer);
                    open(at);
                  }}
                  scale={scale}
                  {...(r.layer !== null ? { name: t('unrolled.layerChain', { kind: t(`kind.${r.kind}`), n: r.layer + 1 }) } : {})}
                />
              ) : (
                <p className="message notice">{topMissing}</p>
              )}
            </div>
          ))}
        </div>
      </div>
      {layout.condensed && !embed && <p className="hint">{t('unrolled.condensed')}</p>}
      {Math.max(hidden, topHidden) > layout.unitY.length && !embed && <p className="hint">{t('unrolled.someUnits', { n: layout.unitY.length, hidden: Math.max(hidden, topHidden) })}</p>}
      {!embed && (
        <p className="hint legend">
          <MathText text={t(tabs ? 'unrolled.legend' : 'unrolled.legendEmbed')} />
        </p>
      )}
    </section>
  );
}
