/**
 * The cell diagram: colah's figure for the current cell kind, redrawn with the current step's
 * numbers. React renders every element; the geometry comes from src/viz/cellLayout.ts, the
 * numbers from the store's trace, the colours from src/viz/colors.ts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { stackOf, type CellParams, type StepTrace } from '../../engine';
import { kindOf } from '../../store/store';
import { cellLayout, MAX_ROWS } from '../../viz/cellLayout';
import { diagramVectors, unitsThatChangedMost } from '../../viz/diagramVectors';
import { nodeEquation } from '../../viz/equations';
import { figureOf } from '../../viz/kinds';
import type { DiagramNode } from '../../viz/layoutTypes';
import { stageOfVector } from '../../viz/stages';
import { formatValue } from '../../viz/vectors';
import { useGatescope, useT } from '../StoreContext';
import { useFigurePart } from '../useFigurePart';
import { BeltBars } from './BeltBars';
import { GatePanel } from './GatePanel';
import { Legend } from './Legend';
import { MathText, SvgMath } from './MathText';
import { NodeShape } from './NodeShape';
import { Strip } from './Strip';
import { UnitPicker } from './UnitPicker';
import { useKindChange, useStepAnimation } from './useDiagramMotion';
import './diagram.css';

const OP_NAME: Record<string, 'op.mul' | 'op.add' | 'op.tanh' | 'op.oneMinus' | 'op.max' | 'op.divide'> = {
  '×': 'op.mul',
  '+': 'op.add',
  tanh: 'op.tanh',
  '1−': 'op.oneMinus',
  max: 'op.max',
  '÷ n_t': 'op.divide',
};

/** Units a slide's diagram draws with numbers (the page: MAX_ROWS); one fewer when the rest collapse into a strip. */
const EMBED_ROWS = 6;
const PRESENTER_ROWS = 4;

export function CellDiagram() {
  const t = useT();
  const trace = useGatescope((s) => s.history[s.t]);
  const step = useGatescope((s) => s.t);
  const kind = useGatescope(kindOf);
  // The shown layer of a stack: its x_t is the h_t of the layer below.
  const params = useGatescope((s) => stackOf(s.model)[s.layer] ?? s.model.cell);
  const text = useGatescope((s) => s.text);
  if (!trace || trace.kind !== params.kind) return null;
  const title = t('diag.title', { kind: t(`kind.${kind}`), t: step });
  return <CellFigure trace={trace} params={params} step={step} title={title} motionKey={`${text}|${step}`} />;
}

interface CellFigureProps {
  /** The step drawn, and the weights that made it (the same kind). */
  readonly trace: StepTrace;
  readonly params: CellParams;
  /** The step's number in the figure's equations (t). */
  readonly step: number;
  /** The figure's accessible name (and its name in an export). */
  readonly title: string;
  /** Changes when the figure should animate a new step. */
  readonly motionKey: string;
}

/**
 * The figure itself, for any trace: the page's step (CellDiagram) or an encoder or decoder step of
 * the Translate view, whose decoder starts from the handed-over context rather than from zero.
 */
export function CellFigure({ trace, params, step, title, motionKey }: CellFigureProps) {
  const t = useT();
  const kind = params.kind;
  const theme = useGatescope((s) => s.theme);
  const speed = useGatescope((s) => s.speed);
  const lang = useGatescope((s) => s.lang);
  const [selected, setSelected] = useState<string | null>(null);
  const [unit, setUnit] = useState(0);
  const picked = useGatescope((s) => s.diagramUnits);
  const setPicked = useGatescope((s) => s.setDiagramUnits);

  const H = params.hiddenSize;
  // A slide draws fewer rows, so that at 960 × 540 every number is at least 10 px tall.
  const embed = useGatescope((s) => s.embed);
  // Presenter mode (and the lesson presented to a class) draws fewer still, so the figure (and
  // every number in it) is drawn larger.
  const presenter = useGatescope((s) => s.presenter || (s.present && s.lesson !== null));
  const rowsFor = (n: number) => (H <= n ? n : n - 1);
  const figure = figureOf(kind);
  const maxRows = presenter ? rowsFor(PRESENTER_ROWS) : embed ? rowsFor(figure.slideRows ?? EMBED_ROWS) : MAX_ROWS;
  const autoUnits = useMemo(() => (trace ? unitsThatChangedMost(trace, maxRows) : []), [trace, maxRows]);
  const units = (picked && picked.length > 0 && picked.every((u) => u < H) ? picked : autoUnits).slice(0, maxRows);
  const inputRows = Math.min(params.inputSize, maxRows);
  const coupling = 'coupling' in params ? params.coupling : undefined;
  const activation = 'activation' in params ? params.activation : undefined;
  const forget = 'forget' in params ? params.forget : undefined;
  const layout = useMemo(
    () => cellLayout(kind, { rows: Math.min(H, maxRows), collapsed: H > maxRows, inputRows, coupling, activation, forget, large: presenter }),
    [kind, H, maxRows, inputRows, coupling, activation, forget, presenter],
  );
  const mainSvg = useRef<SVGSVGElement | null>(null);
  const beltSvg = useRef<SVGSVGElement | null>(null);
  useStepAnimation(motionKey, speed, [mainSvg, beltSvg]);
  const change = useKindChange(layout);

  const V = diagramVectors(trace, params);
  const valuesOf = (n: DiagramNode) => units.map((u) => formatValue(V[n.vector!]!.values[u]!)).join(', ');
  const nameOf = (n: DiagramNode): string => {
    const vec = n.vector ? V[n.vector] : undefined;
    if (!vec) return n.label;
    const name = t(vec.label);
    if (n.kind === 'layer') return t('diag.layer', { op: n.label, name, values: valuesOf(n) });
    if (n.kind === 'pointwise') return t('diag.op', { op: t(OP_NAME[n.label]!), name, values: valuesOf(n) });
    return `${n.label}: ${name}`;
  };
  // Each element's place in the step sequence, as a class the sequence's style rules select.
  const stageClass = (v: Parameters<typeof stageOfVector>[1] | null) => {
    const s = v === null ? -1 : stageOfVector(kind, v);
    return s < 0 ? '' : `st${s}`;
  };
  const selNode = layout.nodes.find((n) => n.id === selected);
  const eq = selNode ? nodeEquation(selNode.id, trace, params) : null;
  const inputUnits = Array.from({ length: inputRows }, (_, k) => k);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const note = figure
    .note(params)
    .map((k) => t(k))
    .join(lang === 'zh' ? '' : ' ');

  // The belt equation gets its own figure above this y (kinds with a belt band: not the RNN).
  const split = layout.beltBand ? layout.beltBand.y + layout.beltBand.h + 14 : null;
  const mainFigure = useFigurePart<SVGSVGElement>(title, true);
  const beltFigure = useFigurePart<SVGSVGElement>(t('diag.equation', { t: step }));
  const mainPart = useCallback(
    (el: SVGSVGElement | null) => {
      mainSvg.current = el;
      return mainFigure(el);
    },
    [mainFigure],
  );
  const beltPart = useCallback(
    (el: SVGSVGElement | null) => {
      beltSvg.current = el;
      return beltFigure(el);
    },
    [beltFigure],
  );
  const inHead = (y: number) => split !== null && y < split;
  /** The swatch columns of the belt equation (head) or of the cell (the rest). */
  const stripsIn = (head: boolean) =>
    layout.strips
      .filter((s) => inHead(s.y) === head)
      .map((s) => {
        const vec = V[s.vector];
        if (!vec) return null;
        return (
          <Strip
            key={s.vector}
            strip={s}
            vec={vec}
            units={s.vector === 'x' ? inputUnits : units}
            theme={theme}
            className={stageClass(s.vector)}
            onPick={(u) => {
              const producer = layout.nodes.find((n) => n.vector === s.vector && (n.kind === 'layer' || n.kind === 'pointwise'));
              if (producer && s.vector !== 'x') {
                setSelected(producer.id);
                setUnit(u);
              }
            }}
          />
        );
      });
  return (
    <figure className="cell-diagram">
      <p className="phone-hint">{t('diag.phoneHint')}</p>
      <div className="diagram-row">
        <div className="diagram-scroll">
          <svg
            viewBox={`0 ${split ?? 0} ${layout.width} ${layout.height - (split ?? 0)}`}
            role="group"
            aria-label={title}
            data-kind={kind}
            data-kind-change={change.added.size + change.removed.length > 0 ? 'true' : undefined}
            className={presenter ? 'diagram large' : 'diagram'}
            ref={mainPart}
          >
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="14" markerHeight="14" orient="auto-start-reverse">
                <path d="M0 0 L10 5 L0 10 z" className="arrowhead" />
              </marker>
            </defs>
            <rect className="frame" x={layout.frame.x} y={layout.frame.y} width={layout.frame.w} height={layout.frame.h} rx={18} />
            {change.removed.map((e) => (
              <path key={`gone-${e.id}`} d={e.d} className="edge removed" aria-hidden="true" />
            ))}
            {layout.edges.map((e) => {
              const to = byId.get(e.to)!;
              const cls = `edge${e.belt ? ' belt' : ''}${e.peephole ? ' peephole' : ''}${change.added.has(e.id) ? ' added' : ''} ${stageClass(e.vector)}`;
              const arrow = to.kind === 'pointwise' || to.kind === 'io' || e.peephole ? 'url(#arrow)' : undefined;
              if (e.peephole) {
                const gate = V[to.vector!]!;
                return (
                  <path
                    key={e.id}
                    d={e.d}
                    className={cls}
                    markerEnd={arrow}
                    role="img"
                    aria-label={t('diag.peephole', { from: e.vector === 'c' ? 'C_t' : 'C_{t−1}', gate: t(gate.label) })}
                    data-testid={`peephole-${to.vector}`}
                  />
                );
              }
              return <path key={e.id} d={e.d} className={cls} markerEnd={arrow} aria-hidden="true" data-edge={e.id} />;
            })}
            {stripsIn(false)}
            {layout.nodes.map((n) => {
              const inspect = n.kind === 'layer' || n.kind === 'pointwise';
              return (
                <NodeShape
                  key={n.id}
                  node={n}
                  name={nameOf(n)}
                  selected={selected === n.id}
                  className={`${stageClass(n.vector)}${change.added.has(n.id) ? ' added' : ''}`}
                  onSelect={
                    inspect
                      ? () => {
                          setSelected(n.id);
                          if (!units.includes(unit)) setUnit(units[0] ?? 0);
                        }
                      : undefined
                  }
                />
              );
            })}
          </svg>
          {split !== null && (
            // The belt's arithmetic, C_{t−1} × f → kept + written = C_t, under the cell: the cell
            // itself (belt to x_t) then fits a 1280 × 720 screen and a slide at a readable size.
            <svg viewBox={`0 0 ${layout.width} ${split}`} role="group" aria-label={t('diag.equation', { t: step })} className={presenter ? 'belt-equation large' : 'belt-equation'} ref={beltPart}>
              {layout.beltBand && (
                <g className="belt-captions" aria-hidden="true">
                  {layout.strips
                    .filter((s) => s.vector === 'kept' || s.vector === 'written')
                    .map((s) => (
                      <text key={s.vector} x={s.labelX} y={s.labelY - 20} textAnchor="middle" className={`caption ${s.vector}`}>
                        {t(s.vector === 'kept' ? 'diag.kept' : 'diag.written')}
                      </text>
                    ))}
                  {layout.glyphs.map((g) => (
                    <text key={g.text} x={g.x} y={g.y} textAnchor="middle" className="glyph">
                      <SvgMath text={g.text} />
                    </text>
                  ))}
                </g>
              )}
              {layout.beltBars && V.kept && V.written && (
                <BeltBars
                  bars={layout.beltBars}
                  kept={V.kept.values}
                  written={V.written.values}
                  units={units}
                  rowH={layout.strips[0]!.cellH}
                  theme={theme}
                  result={figure.beltResult}
                  className={stageClass('c')}
                />
              )}
              {stripsIn(true)}
            </svg>
          )}
        </div>
        {eq && selNode ? (
          <GatePanel
            title={`${selNode.label} → ${selNode.vector && V[selNode.vector] ? t(V[selNode.vector]!.label) : ''}`}
            eq={eq}
            unit={units.includes(unit) ? unit : (units[0] ?? 0)}
            units={units}
            onUnit={setUnit}
            onClose={() => setSelected(null)}
          />
        ) : (
          <p className="panel-hint">{t('panel.hint')}</p>
        )}
      </div>
      {/* Under the figure, so that choosing units never pushes the cell off the first screen. */}
      {H > maxRows && !embed && <UnitPicker total={H} units={units} auto={picked === null} onPick={setPicked} />}
      <figcaption>
        <p className={figure.noteClass}>
          <MathText text={note} />
        </p>
        <Legend keys={layout.legend} />
      </figcaption>
    </figure>
  );
}
