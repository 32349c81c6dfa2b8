/**
 * The side panel for one node: for a layer, its activation curve (σ, hard-σ or tanh, drawn with
 * d3-shape) with every unit's pre-activation marked on it; for every node, its equation and the
 * same equation with the selected unit's numbers plugged in.
 */
import { useId } from 'react';
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { hardSigmoid, sigmoid } from '../../engine';
import type { Curve, NodeEquation } from '../../viz/equations';
import { formatValue } from '../../viz/vectors';
import { useT } from '../StoreContext';
import { toTex } from '../../viz/tex';
import { Tex } from '../math/Tex';
import { MathText } from './MathText';

const CURVE_FN: Record<Curve, (x: number) => number> = { sigmoid, hardSigmoid, tanh: Math.tanh, relu: (x) => Math.max(0, x) };
const CURVE_NAME: Record<Curve, string> = { sigmoid: 'σ', hardSigmoid: 'hard σ', tanh: 'tanh', relu: 'relu' };
const W = 320;
const H = 170;
const PAD = 24;

function ActivationCurve({ eq, unit, units }: { eq: NodeEquation; unit: number; units: readonly number[] }) {
  const t = useT();
  const curve = eq.curve!;
  const fn = CURVE_FN[curve];
  const pre = eq.pre!;
  // Wide enough for every shown unit, at least [−6, 6] so the curve's shape is visible.
  const lim = Math.min(20, Math.max(6, ...units.map((u) => Math.abs(pre[u]!) + 0.5)));
  const x = scaleLinear()
    .domain([-lim, lim])
    .range([PAD, W - 8]);
  // relu has no ceiling: its axis reaches the curve's own top, lim, so no mark is drawn off it.
  const y = scaleLinear()
    .domain(curve === 'tanh' ? [-1, 1] : curve === 'relu' ? [0, lim] : [0, 1])
    .range([H - PAD, 10]);
  const samples = Array.from({ length: 161 }, (_, k): [number, number] => {
    const v = -lim + (2 * lim * k) / 160;
    return [x(v), y(fn(v))];
  });
  const d = line()(samples) ?? '';
  return (
    <svg className="curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('panel.curve', { fn: CURVE_NAME[curve] })}>
      <line x1={x(-lim)} x2={x(lim)} y1={y(0)} y2={y(0)} className="axis" />
      <line x1={x(0)} x2={x(0)} y1={y.range()[0]} y2={y.range()[1]} className="axis" />
      <text x={x(lim) - 2} y={y(0) - 4} textAnchor="end" className="tick">
        {formatValue(lim).replace('.000', '')}
      </text>
      <text x={x(0) + 4} y={14} className="tick">
        {curve === 'relu' ? formatValue(lim).replace('.000', '') : 1}
      </text>
      <path d={d} className="act" />
      {units.map((u) => {
        const p = Math.max(-lim, Math.min(lim, pre[u]!));
        const on = u === unit;
        return (
          <g key={u} className={on ? 'mark on' : 'mark'}>
            <circle cx={x(p)} cy={y(fn(pre[u]!))} r={on ? 7 : 4} />
            {on && (
              <text x={PAD + 4} y={18}>
                {formatValue(pre[u]!)} → {formatValue(eq.out[u]!)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * One equation typeset by KaTeX (lazy: the first panel loads it as its own chunk), with the
 * plain-text form as the fallback until then. Screen readers and tests read a visually hidden
 * plain copy; the typeset one is hidden from them (its MathML would read the same twice).
 */
function Equation({ className, text, testId, plain = false, label, value }: { className: string; text: string; testId?: string; plain?: boolean; label?: string; value?: number }) {
  const fallback = plain ? text : <MathText text={text} />;
  return (
    <div className={className}>
      <span aria-hidden="true">
        <Tex tex={toTex(text)} fallback={fallback} />
      </span>
      {/* A paragraph cannot be named (aria-label on a <p> is ignored): the name is read before it. */}
      {label && <span className="sr-only">{label}:</span>}
      <p className="sr-only" data-testid={testId} data-value={value}>
        {fallback}
      </p>
    </div>
  );
}

interface Props {
  title: string;
  eq: NodeEquation;
  unit: number;
  units: readonly number[];
  onUnit: (u: number) => void;
  onClose: () => void;
}

export function GatePanel({ title, eq, unit, units, onUnit, onClose }: Props) {
  const t = useT();
  const selId = useId();
  return (
    <aside className="gate-panel" aria-label={title}>
      <header>
        <h3>
          <MathText text={title} />
        </h3>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </header>
      {eq.curve && <ActivationCurve eq={eq} unit={unit} units={units} />}
      <label htmlFor={selId} className="unit-select">
        {t('panel.unit')}{' '}
        <select id={selId} value={unit} onChange={(e) => onUnit(Number(e.target.value))}>
          {units.map((u) => (
            <option key={u} value={u}>
              {u + 1}
            </option>
          ))}
        </select>
      </label>
      <Equation className="eq" text={eq.symbolic} testId="equation" />
      <Equation className="eq numbers" text={`= ${eq.plugged(unit)}`} testId="equation-numbers" plain label={t('panel.numbers', { k: unit + 1 })} value={eq.out[unit]} />
      {eq.detail(unit).map((line) => (
        <Equation key={line} className="eq detail" text={line} />
      ))}
    </aside>
  );
}
