import type { DiagramNode } from '../../viz/layoutTypes';
import { SvgMath } from './MathText';

interface Props {
  node: DiagramNode;
  name: string;
  selected: boolean;
  className: string;
  onSelect?: () => void;
}

/** A yellow layer box, a pink pointwise circle or ellipse, an input/output pill, or a junction dot. */
export function NodeShape({ node: n, name, selected, className, onSelect }: Props) {
  const x0 = n.x - n.w / 2;
  const y0 = n.y - n.h / 2;
  const shape =
    n.kind === 'layer' ? (
      <rect x={x0} y={y0} width={n.w} height={n.h} rx={4} className="shape" />
    ) : n.kind === 'pointwise' ? (
      n.w === n.h ? (
        <circle cx={n.x} cy={n.y} r={n.w / 2} className="shape" />
      ) : (
        <ellipse cx={n.x} cy={n.y} rx={n.w / 2} ry={n.h / 2} className="shape" />
      )
    ) : n.kind === 'io' ? (
      <rect x={x0} y={y0} width={n.w} height={n.h} rx={n.h / 2} className="shape" />
    ) : (
      <circle cx={n.x} cy={n.y} r={n.w / 2} className="shape" />
    );
  const label = n.label ? (
    <text x={n.x} y={n.y + (n.kind === 'layer' ? 6 : 5)} textAnchor="middle" aria-hidden="true">
      <SvgMath text={n.label} />
    </text>
  ) : null;
  const cls = `node node-${n.kind} ${className}${selected ? ' selected' : ''}`;
  if (!onSelect)
    return (
      <g className={cls} data-node={n.id} aria-hidden={n.kind === 'junction' ? true : undefined} aria-label={n.kind === 'io' ? name : undefined} role={n.kind === 'io' ? 'img' : undefined}>
        {shape}
        {label}
      </g>
    );
  return (
    <g
      className={cls}
      data-node={n.id}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      {/* A finger-sized target on a phone, where the figure is drawn at a third of its size. */}
      <rect className="hit" x={n.x - Math.max(n.w, 80) / 2} y={n.y - Math.max(n.h, 60) / 2} width={Math.max(n.w, 80)} height={Math.max(n.h, 60)} />
      {shape}
      {label}
    </g>
  );
}
