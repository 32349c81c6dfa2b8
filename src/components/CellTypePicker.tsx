import { CELL_KINDS } from '../engine';
import { chosenKind } from '../store/store';
import { useGatescope, useT } from './StoreContext';

/** Native radios in a fieldset: arrow keys move between kinds, and the legend names the group. */
export function CellTypePicker() {
  const t = useT();
  // The kind picked shows at once, while its model is still loading (the figure says so).
  const kind = useGatescope(chosenKind);
  const setCellKind = useGatescope((s) => s.setCellKind);
  return (
    <fieldset className="cell-type" role="radiogroup" aria-label={t('cellType')}>
      <legend>{t('cellType')}</legend>
      {CELL_KINDS.map((k) => (
        <label key={k} className={k === kind ? 'chip selected' : 'chip'}>
          <input type="radio" name="cell-type" value={k} checked={k === kind} onChange={() => setCellKind(k)} />
          {t(`kind.${k}`)}
        </label>
      ))}
    </fieldset>
  );
}
