/**
 * Which layer of a stacked model the views show (the cell diagram, the chain, the heatmaps, the
 * values table). Only a stack shows it. Layer 1 reads the words; each layer above reads the h of
 * the one below as its x_t; the head reads the top layer.
 */
import { useGatescope, useT } from './StoreContext';
import { MathText } from './diagram/MathText';

export function LayerPicker() {
  const t = useT();
  const count = useGatescope((s) => s.stack.length);
  const layer = useGatescope((s) => s.layer);
  const setLayer = useGatescope((s) => s.setLayer);
  if (count <= 1) return null;
  const onKey = (e: React.KeyboardEvent) => {
    const next = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? layer + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? layer - 1 : null;
    if (next === null || next < 0 || next >= count) return;
    e.preventDefault();
    setLayer(next);
    (e.currentTarget.querySelector(`[data-layer="${next}"]`) as HTMLElement | null)?.focus();
  };
  const what = layer === 0 ? t('layer.readsWords') : t('layer.readsBelow', { below: layer });
  return (
    <div className="layer-picker">
      <div role="radiogroup" aria-label={t('layer.picker', { n: count })} onKeyDown={onKey}>
        {Array.from({ length: count }, (_, l) => (
          <button
            key={l}
            type="button"
            role="radio"
            data-layer={l}
            aria-checked={l === layer}
            tabIndex={l === layer ? 0 : -1}
            className={l === layer ? 'layer selected' : 'layer'}
            onClick={() => setLayer(l)}
          >
            {t('layer.n', { n: l + 1 })}
          </button>
        ))}
      </div>
      <p className="hint" data-testid="layer-role">
        <MathText text={layer === count - 1 ? `${what} ${t('layer.readByHead')}` : what} />
      </p>
    </div>
  );
}
