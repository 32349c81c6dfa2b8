import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_ROWS } from '../viz/cellLayout';
import { unitsThatChangedMost } from '../viz/diagramVectors';
import { NAME_COLUMN_PX, UNIT_COLUMN_PX, tableWindow } from '../viz/tableWindow';
import { barExtent, formatValue, traceVectors } from '../viz/vectors';
import type { StepTrace } from '../engine';
import { useGatescope, useGatescopeStore, useT } from './StoreContext';
import { useNearViewport } from './useNearViewport';
import { useScrollsSideways } from './useScrollsSideways';
import { MathText } from './diagram/MathText';

/**
 * Every vector of the current step as an accessible table (rows: vectors, columns: units), with
 * a small bar per value. The diagrams draw the same numbers; this is their text fallback. With
 * more hidden units than the diagram draws, it shows the same units as the diagram (picked, or
 * the ones that changed most) until "show all" is pressed. Then it builds only the columns in
 * the scrolled-to window (tableWindow): 128 units × 20 rows of cells is what made a step slow.
 * aria-colcount and aria-colindex tell assistive technology the whole table's shape.
 *
 * It follows the step one paint behind the figure: a step paints the figure (and the controls)
 * first and the table in the task after, so that a table showing every unit does not make the
 * step miss its frame; while steps come faster than FOLLOW_EVERY_MS apart, at most that often.
 * Its caption names the step its numbers are from, and data-stale marks it while it is behind
 * (also off screen, where it waits until the reader comes near).
 */

/**
 * While steps come faster than this (an arrow key held down, fast playback), the table catches up
 * at most this often and says it is behind in between: numbers that change 30 times a second
 * cannot be read, and each catch-up of a table at all 128 units is ~10 ms of main thread
 * (traced) that the next step's frame may need. Steps further apart (a reader clicking) are
 * followed one paint behind, as before.
 */
const FOLLOW_EVERY_MS = 100;

function scrollByKey(e: KeyboardEvent<HTMLDivElement>) {
  const el = e.currentTarget;
  const to = e.key === 'ArrowRight' ? el.scrollLeft + UNIT_COLUMN_PX : e.key === 'ArrowLeft' ? el.scrollLeft - UNIT_COLUMN_PX : e.key === 'Home' ? 0 : e.key === 'End' ? el.scrollWidth : null;
  if (to === null || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  el.scrollLeft = to;
}

interface Shown {
  readonly step: number;
  readonly trace: StepTrace | undefined;
}

/**
 * The step the table shows: the store's, caught up after the next paint (a task posted from an
 * animation frame runs after that frame is drawn), and only while `near`. The store is read
 * through a subscription, not a selector, so that a step does not re-render the table until then.
 *
 * One exception, on or off screen: when the trace shown is no longer the store's at its step
 * (another model, kind, layer or sentence), the table follows at once. Its DOM is what a screen
 * reader reads and what a student copies; it may lag a step behind while steps come fast, but it
 * never shows another model's numbers. Such changes come from a click, not 30 times a second.
 */
function useFollowingStep(near: boolean): Shown {
  const store = useGatescopeStore();
  const [shown, setShown] = useState<Shown>(() => {
    const s = store.getState();
    return { step: s.t, trace: s.history[s.t] };
  });
  const shownRef = useRef(shown);
  shownRef.current = shown;
  useEffect(() => {
    const now = (): Shown => {
      const s = store.getState();
      return { step: s.t, trace: s.history[s.t] };
    };
    const catchUp = () => {
      const next = now();
      setShown((prev) => (prev.step === next.step && prev.trace === next.trace ? prev : next));
    };
    /** The shown numbers belong to another run than the store's (not merely an earlier step). */
    const outdated = () => {
      const { step, trace } = shownRef.current;
      return trace !== undefined && store.getState().history[step] !== trace;
    };
    if (outdated()) catchUp();
    if (!near) {
      return store.subscribe((s, prev) => {
        if ((s.history !== prev.history || s.t !== prev.t) && outdated()) catchUp();
      });
    }
    let frame = 0;
    // A message posted from the animation frame is a task after that frame's paint (what the
    // scheduler of React itself uses to run after the browser): a channel, not a 0 ms timer,
    // which runs in the timers' queue, whose order against other tasks is the browser's choice.
    const channel = new MessageChannel();
    let posted = false;
    let timer = 0;
    let caughtUp = Number.NEGATIVE_INFINITY;
    channel.port1.onmessage = () => {
      posted = false;
      caughtUp = performance.now();
      catchUp();
    };
    const afterNextPaint = () => {
      frame = requestAnimationFrame(() => {
        if (!posted) channel.port2.postMessage(0);
        posted = true;
      });
    };
    // A throttle, not a debounce: the wait counts from the last catch-up, so steady fast steps
    // still update the table every FOLLOW_EVERY_MS.
    const follow = () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      const wait = caughtUp + FOLLOW_EVERY_MS - performance.now();
      if (wait > 0) timer = window.setTimeout(afterNextPaint, wait);
      else afterNextPaint();
    };
    follow();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.t === prev.t && s.history === prev.history) return;
      if (outdated()) {
        cancelAnimationFrame(frame);
        window.clearTimeout(timer);
        catchUp();
      } else follow();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      channel.port1.onmessage = null;
      channel.port1.close();
    };
  }, [near, store]);
  return shown;
}

export function ValuesTable() {
  const { ref: wrap, near } = useNearViewport();
  const { step, trace } = useFollowingStep(near);
  const stale = useGatescope((s) => s.history[s.t] !== trace);
  const any = useGatescope((s) => s.history[s.t] !== undefined);
  // Here, not in the grid: "show all" stays pressed while a new sentence or model has no trace yet.
  const [all, setAll] = useState(false);
  if (!trace && !any) return null;
  return (
    <div className="values-wrap" ref={wrap} data-stale={stale ? 'true' : undefined}>
      {trace && <ValuesGrid step={step} trace={trace} all={all} setAll={setAll} />}
    </div>
  );
}

interface GridProps {
  readonly step: number;
  readonly trace: StepTrace;
  /** Every unit (windowed), not only the diagram's. */
  readonly all: boolean;
  readonly setAll: (all: boolean) => void;
}

/** The table itself, for one step: memoized, so that the wrapper's "behind" mark re-renders nothing else. */
const ValuesGrid = memo(function ValuesGrid({ step, trace, all, setAll }: GridProps) {
  const t = useT();
  const picked = useGatescope((s) => s.diagramUnits);
  const H = trace.h.length;
  const auto = useMemo(() => (H > MAX_ROWS ? unitsThatChangedMost(trace, MAX_ROWS) : null), [trace, H]);
  const scroller = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState({ left: 0, width: 0 });
  const windowed = H > MAX_ROWS && all;
  // On a phone even the diagram's units are wider than the screen: then it scrolls, and takes focus.
  const scrolls = useScrollsSideways(scroller);
  const captionId = useId();
  useEffect(() => {
    const el = scroller.current;
    if (!el || !windowed) return;
    const measure = () => setSeen({ left: el.scrollLeft, width: el.clientWidth });
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, [windowed]);
  const rows = traceVectors(trace);
  const width = Math.max(...rows.map((r) => r.values.length));
  const capped = H > MAX_ROWS && !all;
  const win = windowed ? tableWindow(seen.left, seen.width, width) : { first: 0, end: width };
  const cols: readonly number[] = capped ? (picked && picked.length > 0 && picked.every((u) => u < H) ? picked : auto!) : Array.from({ length: win.end - win.first }, (_, k) => win.first + k);
  const before = win.first;
  const after = width - win.end;
  // Where the window leaves columns out, one empty cell spans them (fixed widths keep the scroll).
  const spacer = (n: number, key: string) => (n > 0 ? <td key={key} colSpan={n} className="spacer" aria-hidden="true" /> : null);
  const colIndex = (k: number) => (windowed ? k + 2 : undefined);
  return (
    <>
      {H > MAX_ROWS && (
        <button type="button" className="show-all" aria-pressed={all} onClick={() => setAll(!all)}>
          {all ? t('table.showDiagram') : t('table.showAll', { n: H })}
        </button>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: when windowed it is a focusable region (role below), and its keys scroll it. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label is given only with role="region". */}
      <div
        className="table-wrap values-scroll"
        ref={scroller}
        onScroll={windowed ? (e) => setSeen({ left: e.currentTarget.scrollLeft, width: e.currentTarget.clientWidth }) : undefined}
        // The arrows scroll the table a column at a time (and Home/End to its ends) instead of
        // stepping the sentence: preventing the default tells the page's shortcuts it is used.
        onKeyDown={windowed ? scrollByKey : undefined}
        role={windowed || scrolls ? 'region' : undefined}
        tabIndex={windowed || scrolls ? 0 : undefined}
        aria-label={windowed ? t('table.scroll') : undefined}
        aria-labelledby={!windowed && scrolls ? captionId : undefined}
      >
        <table className={windowed ? 'values windowed' : 'values'} aria-colcount={windowed ? width + 1 : undefined} style={windowed ? { width: NAME_COLUMN_PX + width * UNIT_COLUMN_PX } : undefined}>
          <caption id={captionId}>{t('valuesAt', { t: step })}</caption>
          {windowed && (
            <colgroup>
              <col style={{ width: NAME_COLUMN_PX }} />
              <col span={width} style={{ width: UNIT_COLUMN_PX }} />
            </colgroup>
          )}
          <thead>
            <tr>
              <th scope="col" aria-colindex={windowed ? 1 : undefined}>
                {t('vector')}
              </th>
              {spacer(before, 'before')}
              {cols.map((k) => (
                <th scope="col" key={k} aria-colindex={colIndex(k)}>
                  {t('unit', { k: k + 1 })}
                </th>
              ))}
              {spacer(after, 'after')}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-vector={r.id} className={`range-${r.range}`}>
                <th scope="row" aria-colindex={windowed ? 1 : undefined}>
                  <span className="sym">
                    <MathText text={r.symbol} />
                  </span>{' '}
                  <span className="row-name">
                    <MathText text={t(r.label, { g: r.gate ?? '' })} />
                  </span>
                </th>
                {spacer(before, 'before')}
                {cols.map((k) => {
                  const x = r.values[k];
                  if (x === undefined) return <td key={k} className="empty" aria-colindex={colIndex(k)} />;
                  const bar = barExtent(x, r.range);
                  return (
                    <td key={k} data-value={x} aria-colindex={colIndex(k)}>
                      <span className="num">{formatValue(x)}</span>
                      <span className="bar" aria-hidden="true">
                        <span className={x < 0 ? 'fill neg' : 'fill'} style={{ left: `${bar.from * 100}%`, width: `${(bar.to - bar.from) * 100}%` }} />
                      </span>
                    </td>
                  );
                })}
                {spacer(after, 'after')}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
});
