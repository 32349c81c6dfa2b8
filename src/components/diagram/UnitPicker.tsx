import { useState } from 'react';
import { MAX_ROWS } from '../../viz/cellLayout';
import { useT } from '../StoreContext';

interface Props {
  total: number;
  units: readonly number[];
  auto: boolean;
  /** null = back to "changed most this step". */
  onPick: (units: number[] | null) => void;
}

/** For models with more than MAX_ROWS units: which units get numbered swatches. */
export function UnitPicker({ total, units, auto, onPick }: Props) {
  const t = useT();
  // The grid (a checkbox per unit: 512 for a large model) is built only while the picker is open;
  // closed, it was re-rendered at every step for nothing.
  const [open, setOpen] = useState(false);
  const toggle = (u: number) => {
    const next = units.includes(u) ? units.filter((v) => v !== u) : [...units, u].slice(-MAX_ROWS);
    onPick(next.sort((a, b) => a - b));
  };
  return (
    <details className="unit-picker" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {auto ? t('units.auto', { n: units.length, total }) : `${t('units.legend')}: ${units.map((u) => u + 1).join(', ')}`} — {t('units.choose')}
      </summary>
      {open && (
        <fieldset>
          <legend>{t('units.legend')}</legend>
          <button type="button" onClick={() => onPick(null)} aria-pressed={auto}>
            {t('units.autoButton')}
          </button>
          <div className="unit-grid">
            {Array.from({ length: total }, (_, u) => (
              <label key={u}>
                <input type="checkbox" checked={units.includes(u)} onChange={() => toggle(u)} />
                {u + 1}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </details>
  );
}
