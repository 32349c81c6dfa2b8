import { useEffect, useRef } from 'react';
import { COUNTRIES } from '../../train/data/memory';
import type { LabProbe } from '../../train/labSettings';
import { valueColor, legendStops } from '../../viz/colors';
import { gateGrid } from '../../viz/labCharts';
import { formatValue } from '../../viz/vectors';
import type { Theme } from '../../store/types';
import { useGatescope, useT } from '../StoreContext';

const CELL_W = 10;
const CELL_H = 6;

/** One gate over the probe's tokens, painted on a canvas (hundreds of cells, redrawn as it trains). */
function GateCanvas({ values, mark, theme, label }: { values: LabProbe['gates'][number]['values']; mark: number; theme: Theme; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = gateGrid(values, CELL_W, CELL_H);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    canvas.width = Math.round(grid.width * dpr);
    canvas.height = Math.round(grid.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const c of grid.cells) {
      ctx.fillStyle = valueColor(c.value, 'gate', theme);
      ctx.fillRect(c.x, c.y, CELL_W, CELL_H);
    }
    if (mark >= 0) {
      ctx.strokeStyle = theme === 'dark' ? '#ffffff' : '#000000';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(mark * CELL_W + 0.75, 0.75, CELL_W - 1.5, grid.height - 1.5);
    }
  }, [grid, mark, theme]);
  return <canvas ref={ref} role="img" aria-label={label} style={{ width: grid.width, height: grid.height }} />;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The probe's gates per run, as they form while training (LSTM family f, i, o; GRU z, r). */
export function LabGates() {
  const t = useT();
  const runs = useGatescope((s) => s.lab.runs);
  const theme = useGatescope((s) => s.theme);
  if (!runs || runs.every((r) => !r.probe)) return null;
  return (
    // Focusable: a long probe (a 30-word gap) draws the gates wider than a narrow column, and a
    // region that scrolls must scroll from the keyboard too. It appears only once the worker's
    // first probe lands, so without this axe's scrollable-region-focusable found it in some runs
    // and not others (whether the probe had landed when axe looked).
    <section className="lab-gates" aria-labelledby="lab-gates-title" tabIndex={0}>
      <h3 id="lab-gates-title">{t('lab.gatesTitle')}</h3>
      <p className="lab-explain">
        {t('lab.gatesExplain')}
        {runs.some((r) => r.probe?.tokens.some((tok) => (COUNTRIES as readonly string[]).includes(tok))) && <> {t('lab.gatesCountry')}</>}
      </p>
      <p className="lab-gate-legend" aria-hidden="true">
        <span>{t('lab.gateClosed')}</span>
        {legendStops('gate', theme).map(([v, c]) => (
          <span key={v} className="lab-gate-stop" style={{ background: c }} />
        ))}
        <span>{t('lab.gateOpen')}</span>
      </p>
      <div className="lab-gates-runs">
        {runs.map((r, k) => {
          const kind = t(`kind.${r.kind}`);
          const p = r.probe;
          if (!p) return null;
          const mark = p.tokens.findIndex((tok) => (COUNTRIES as readonly string[]).includes(tok));
          return (
            <div key={k} className={`lab-gates-run run-${k}`}>
              <h4>
                <span className={`lab-swatch run-${k}`} aria-hidden="true" /> {kind}
              </h4>
              {p.gates.length === 0 && <p className="lab-explain">{t('lab.noGates')}</p>}
              {p.gates.map((g) => {
                const all = g.values.flat();
                const atMark = mark >= 0 ? formatValue(mean(g.values[mark] ?? [])) : '—';
                return (
                  <div key={g.name} className="lab-gate">
                    <span className="lab-gate-name">{t(`lab.gate.${g.name}`)}</span>
                    <GateCanvas values={g.values} mark={mark} theme={theme} label={t('lab.gateLabel', { kind, gate: g.name, n: g.values.length, mean: formatValue(mean(all)), atMark })} />
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}
