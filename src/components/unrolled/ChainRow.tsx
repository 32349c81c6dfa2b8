import { useId } from 'react';
import { hasCellState, type CellKind, type EmbeddedToken, type StepTrace } from '../../engine';
import type { Translate } from '../../i18n';
import type { Theme } from '../../store/types';
import { MAX_CHAIN_UNITS, type ChainCell as CellGeometry, type UnrolledLayout } from '../../viz/unrolledLayout';
import { formatValue } from '../../viz/vectors';
import { ChainCell } from './ChainCell';
import { SwatchImage } from './SwatchImage';
import { useFigurePart } from '../useFigurePart';

interface Props {
  /** Drawn at this fraction of the layout's size (embed mode fits both rows in the frame). */
  scale?: number;
  kind: CellKind;
  /** traces[t] for the steps known; the store's row knows only up to its furthest step. */
  traces: readonly StepTrace[];
  tokens: readonly EmbeddedToken[];
  layout: UnrolledLayout;
  theme: Theme;
  t: Translate;
  onGo: (step: number) => void;
  /** The row's name when the kind alone does not tell rows apart (a stack's layers). */
  name?: string;
}

/**
 * The values a cell's name reads: the units the cell draws (at most MAX_CHAIN_UNITS), then how
 * many more there are. Reading all 512 of a large model was 400,000 formatted numbers per chain
 * and nothing a listener could follow; the values table reads every unit.
 */
function list(tr: Translate, v: ArrayLike<number>): string {
  const shown = Array.from({ length: Math.min(v.length, MAX_CHAIN_UNITS) }, (_, k) => formatValue(v[k]!));
  return `[${shown.join(', ')}${v.length > shown.length ? `, ${tr('unrolled.moreUnits', { n: v.length - shown.length })}` : ''}]`;
}

/** What a screen reader hears for one cell: step, token, and its h (and C) when reached. */
export function chainCellName(tr: Translate, cell: CellGeometry, token: string, trace: StepTrace | null): string {
  const list_ = (v: ArrayLike<number>) => list(tr, v);
  const base = { t: cell.t, token };
  const name =
    !trace || cell.phase === 'future'
      ? tr('unrolled.cellFuture', base)
      : 'c' in trace
        ? tr('unrolled.cellC', { ...base, h: list_(trace.h), c: list_(trace.c) })
        : tr('unrolled.cell', { ...base, h: list_(trace.h) });
  return cell.phase === 'current' ? name + tr('unrolled.current') : name;
}

/**
 * One cell kind's chain. Cells are buttons with a roving tab stop (the current step is the one
 * Tab reaches; arrow keys move between cells, Enter or Space goes to the focused step), so 200
 * tokens are not 200 tab stops.
 */
export function ChainRow({ kind, traces, tokens, layout: L, theme, t, onGo, scale = 1, name }: Props) {
  const arrowId = `${useId().replace(/:/g, '')}-arrow`;
  const belt = hasCellState(kind);
  const figurePart = useFigurePart<SVGSVGElement>(name ?? t('unrolled.chain', { kind: t(`kind.${kind}`) }));
  const onKey = (e: React.KeyboardEvent<SVGSVGElement>) => {
    const el = (e.target as Element).closest<SVGGElement>('[data-t]');
    if (!el) return;
    const step = Number(el.dataset.t);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onGo(step);
      return;
    }
    const to = e.key === 'ArrowRight' ? step + 1 : e.key === 'ArrowLeft' ? step - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tokens.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    e.currentTarget.querySelector<SVGGElement>(`[data-t="${Math.max(0, Math.min(tokens.length - 1, to))}"]`)?.focus();
  };
  const onClick = (e: React.MouseEvent) => {
    const el = (e.target as Element).closest<SVGGElement>('[data-t]');
    if (el) onGo(Number(el.dataset.t));
  };
  const last = L.cells[L.cells.length - 1];
  return (
    <svg
      className={`chain ${L.condensed ? 'condensed' : ''}`}
      width={L.width * scale}
      height={L.height * scale}
      viewBox={`0 0 ${L.width} ${L.height}`}
      role="group"
      aria-label={name ?? t('unrolled.chain', { kind: t(`kind.${kind}`) })}
      ref={figurePart}
      onKeyDown={onKey}
      onClick={onClick}
    >
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth={L.condensed ? 4 : 6} markerHeight={L.condensed ? 4 : 6} orient="auto">
          <path d="M0,0 L10,5 L0,10 z" className="arrowhead" />
        </marker>
      </defs>
      {/* The state carried right: h along the bottom of every cell, C along the belt on top. */}
      {L.cells.map((c) => {
        const nextX = c === last ? c.x + c.w + L.gap - 4 : c.x + c.w + L.gap - 1;
        return (
          <g key={`w${c.t}`} className={`carry ${c.phase}`}>
            <line className="state-line" x1={c.x + c.w} y1={L.stateY} x2={nextX} y2={L.stateY} markerEnd={`url(#${arrowId})`} />
            {belt && <line className="belt" x1={c.x + c.w} y1={L.beltY} x2={nextX} y2={L.beltY} markerEnd={`url(#${arrowId})`} />}
          </g>
        );
      })}
      {L.cells.map((c) => {
        const trace = traces[c.t] ?? null;
        return (
          <ChainCell
            key={c.t}
            cell={c}
            layout={L}
            token={tokens[c.t]!}
            trace={trace}
            belt={belt}
            theme={theme}
            name={chainCellName(t, c, tokens[c.t]!.token, trace)}
            tabbable={c.phase === 'current'}
            arrowId={arrowId}
          />
        );
      })}
      {L.condensed && <SwatchImage layout={L} traces={traces} belt={belt} theme={theme} />}
    </svg>
  );
}
