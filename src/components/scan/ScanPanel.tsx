/**
 * The scan view under the cell diagram of a kind whose gates read x_t alone (minGRU, minLSTM):
 * the sentence's steps as affine maps, combined pairwise level by level (engine/scan.ts), and
 * the states that gives beside the states stepping gave. The numbers are the engine's; the
 * geometry is viz/scanLayout.ts.
 */
import { useMemo, useState } from 'react';
import { kindOf, stackOf } from '../../engine';
import { SCAN, scanLayout, scanOf } from '../../viz/scanLayout';
import { formatValue } from '../../viz/vectors';
import { MathText, SvgMath } from '../diagram/MathText';
import { useGatescope, useT } from '../StoreContext';
import { useTraces } from '../useTraces';
import './scan.css';

export function ScanPanel() {
  const t = useT();
  const model = useGatescope((s) => s.model);
  const layer = useGatescope((s) => s.layer);
  const embedded = useGatescope((s) => s.embedded);
  const current = useGatescope((s) => s.t);
  const cell = stackOf(model)[layer] ?? model.cell;
  const all = useTraces(stackOf(model), embedded, kindOf(cell.kind).linearStep !== undefined);
  const traces = all.complete ? (all.layers[layer] ?? []) : [];
  const result = useMemo(() => scanOf(traces), [traces]);
  const [unit, setUnit] = useState(0);
  if (!result) return null;
  const k = Math.min(unit, cell.hiddenSize - 1);
  const L = scanLayout(result.scan, k);
  const levels = result.scan.levels.length - 1;
  const T = result.scan.h.length;
  const resultY = L.rowY.at(-1)!;
  return (
    <section className="scan-panel" aria-labelledby="scan-title">
      <h3 id="scan-title">{t('scan.title')}</h3>
      <p className="scan-lead">
        <MathText text={t('scan.lead', { levels })} />
      </p>
      <label className="scan-unit">
        {t('scan.unit')}{' '}
        <select value={k} onChange={(e) => setUnit(Number(e.target.value))}>
          {Array.from({ length: cell.hiddenSize }, (_, u) => (
            <option key={u} value={u}>
              {u + 1}
            </option>
          ))}
        </select>
      </label>
      <p className="scan-agree" data-testid="scan-agree">
        {t('scan.agree', { diff: result.diff.toExponential(1), n: result.values })} {T < embedded.length && t('scan.first', { n: T, total: embedded.length })}
      </p>
      {/* Its own scroll box: a long sentence never widens the page. */}
      <div className="scan-scroll" tabIndex={0} role="group" aria-label={t('scan.figure', { k: k + 1, T, levels })}>
        <svg viewBox={`0 0 ${L.width} ${L.height}`} width={L.width} height={L.height} role="img" aria-label={t('scan.figure', { k: k + 1, T, levels })}>
          {result.scan.levels.map((lv, l) => (
            <text key={`lv${lv.reach}`} className="scan-level" x={8} y={L.rowY[l]! + 5}>
              {l === 0 ? t('scan.level0') : t('scan.level', { l })}
            </text>
          ))}
          <text className="scan-level" x={8} y={resultY + 5}>
            <SvgMath text={t('scan.result')} />
          </text>
          {L.lines.map((ln) => (
            <line key={ln.id} className={`scan-line ${ln.role}`} x1={ln.x1} y1={ln.y1} x2={ln.x2} y2={ln.y2} />
          ))}
          {L.boxes.map((b) => (
            <g key={`${b.level}-${b.t}`} className={`scan-box${b.t === current ? ' current' : ''}`} data-level={b.level} data-t={b.t}>
              <title>{t('scan.box', { from: b.from, to: b.to, a: formatValue(b.a), b: formatValue(b.b) })}</title>
              <rect x={b.x - SCAN.boxW / 2} y={b.y - SCAN.boxH / 2} width={SCAN.boxW} height={SCAN.boxH} rx={4} />
              <text x={b.x} y={b.y - 4} className="scan-a">
                × {formatValue(b.a)}
              </text>
              <text x={b.x} y={b.y + 14} className="scan-b">
                {b.b < 0 ? '− ' : '+ '}
                {formatValue(Math.abs(b.b))}
              </text>
            </g>
          ))}
          {result.scan.h.map((h, s) => (
            <g key={`h${L.columnX[s]}`} className={`scan-h${s === current ? ' current' : ''}`} data-t={s}>
              <rect x={L.columnX[s]! - SCAN.boxW / 2} y={resultY - SCAN.boxH / 2} width={SCAN.boxW} height={SCAN.boxH} rx={SCAN.boxH / 2} />
              <text x={L.columnX[s]!} y={resultY + 5}>
                {formatValue(h[k]!)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </section>
  );
}
