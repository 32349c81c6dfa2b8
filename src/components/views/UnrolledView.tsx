import { useEffect, useMemo, useRef } from 'react';
import { hasCellState } from '../../engine';
import { compareTraces, demoCell } from '../../store/compare';
import { scrollLeftFor, unrolledLayout } from '../../viz/unrolledLayout';
import { useGatescope, useT } from '../StoreContext';
import { ChainRow } from '../unrolled/ChainRow';
import { Presets } from '../unrolled/Presets';
import { RowKindPicker } from '../unrolled/RowKindPicker';

/**
 * Two cell kinds unrolled over the same sentence and the same x's, one above the other (RNN
 * above LSTM by default, as in colah's essay). The bottom row is the store's cell, so it follows
 * the cell-type picker and the stepping controls; the top row is computed here with the engine.
 */
export function UnrolledView() {
  const t = useT();
  const embedded = useGatescope((s) => s.embedded);
  const history = useGatescope((s) => s.history);
  const step = useGatescope((s) => s.t);
  const kind = useGatescope((s) => s.kind);
  const hidden = useGatescope((s) => s.model.cell.hiddenSize);
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
  const compare = useMemo(() => compareTraces(topKind, embedded), [topKind, embedded]);
  const columns = hasCellState(kind) || hasCellState(topKind) ? 2 : 1;
  const layout = useMemo(
    () => unrolledLayout({ n: embedded.length, current: step, hidden: Math.max(hidden, demoCell(topKind).hiddenSize), columns }),
    [embedded.length, step, hidden, topKind, columns],
  );

  // Keep the current cell in view: scroll only when it is (partly) outside the viewport.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = scroller.current;
    const c = layout.cells[step];
    if (!box || !c) return;
    const left = box.scrollLeft;
    if (c.x < left || c.x + c.w > left + box.clientWidth) box.scrollLeft = scrollLeftFor(layout, step, box.clientWidth);
  }, [layout, step]);

  if (embedded.length === 0) return null;
  const rows = [
    { key: 'top', kind: topKind, traces: compare, label: t('unrolled.topRow'), onKind: setTopKind },
    { key: 'bottom', kind, traces: history, label: t('unrolled.bottomRow'), onKind: setCellKind },
  ];
  return (
    <section className="unrolled" aria-label={t('unrolled.label')}>
      <Presets />
      <div className="chain-scroll" ref={scroller}>
        <div className="chain-rows">
          {rows.map((r) => (
            <div className="chain-row" key={r.key}>
              <div className="chain-row-head">
                <RowKindPicker id={`row-kind-${r.key}`} label={r.label} kind={r.kind} onChange={r.onKind} />
              </div>
              {r.traces ? (
                <ChainRow kind={r.kind} traces={r.traces} tokens={embedded} layout={layout} theme={theme} t={t} onGo={open} />
              ) : (
                <p className="message notice">
                  {t('unrolled.cannotCompare', { kind: t(`kind.${r.kind}`), m: demoCell(r.kind).inputSize, n: embedded[0]!.x.length })}
                </p>
              )}
            </div>
          ))}
        </div>
      </div>
      {layout.condensed && <p className="hint">{t('unrolled.condensed')}</p>}
      <p className="hint legend">{t(tabs ? 'unrolled.legend' : 'unrolled.legendEmbed')}</p>
    </section>
  );
}
