import { useT } from '../StoreContext';
import type { LegendKey } from '../../viz/layoutTypes';

const ICONS: Record<LegendKey, React.ReactNode> = {
  layer: <rect x={3} y={5} width={30} height={18} rx={3} className="lg-layer" />,
  pointwise: <circle cx={18} cy={14} r={10} className="lg-pointwise" />,
  line: <path d="M2 14 H30 M24 8 L32 14 L24 20" className="lg-line" />,
  merge: <path d="M2 6 H14 Q18 6 18 14 M2 22 H14 Q18 22 18 14 M18 14 H34" className="lg-line" />,
  fork: <path d="M2 14 H16 Q20 14 20 6 H34 M16 14 Q20 14 20 22 H34" className="lg-line" />,
};

/** colah's notation, in words and in the diagram's own shapes, plus how the colours read. */
export function Legend({ keys }: { keys: readonly LegendKey[] }) {
  const t = useT();
  return (
    <div className="legend">
      <h3>{t('legend.title')}</h3>
      <ul>
        {keys.map((k) => (
          <li key={k}>
            <svg width={36} height={28} viewBox="0 0 36 28" aria-hidden="true">
              {ICONS[k]}
            </svg>
            {t(`legend.${k}`)}
          </li>
        ))}
        <li>
          <span className="lg-ramp signed" aria-hidden="true" />
          {t('legend.signed')}
        </li>
        <li>
          <span className="lg-ramp gate" aria-hidden="true" />
          {t('legend.gate')}
        </li>
      </ul>
    </div>
  );
}
