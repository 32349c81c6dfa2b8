import { CELL_KINDS, kindOf } from '../engine';
import type { KindGroup } from '../engine';
import { chosenKind } from '../store/store';
import { useGatescope, useT } from './StoreContext';

const GROUPS: readonly KindGroup[] = ['classic', 'today'];

/**
 * Native radios in a fieldset: arrow keys move between kinds, and the legend names the group.
 * The kinds come in two groups, the classic cells and today's recurrences, each under its own heading.
 */
export function CellTypePicker() {
  const t = useT();
  // The kind picked shows at once, while its model is still loading (the figure says so).
  const kind = useGatescope(chosenKind);
  const setCellKind = useGatescope((s) => s.setCellKind);
  return (
    <fieldset className="cell-type" role="radiogroup" aria-label={t('cellType')}>
      <legend>{t('cellType')}</legend>
      {GROUPS.map((g) => {
        const kinds = CELL_KINDS.filter((k) => kindOf(k).group === g);
        if (kinds.length === 0) return null;
        return (
          <div key={g} className="kind-group">
            <span className="kind-group-name">{t(`kindGroup.${g}`)}</span>
            {kinds.map((k) => (
              <label key={k} className={k === kind ? 'chip selected' : 'chip'}>
                <input type="radio" name="cell-type" value={k} checked={k === kind} onChange={() => setCellKind(k)} />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
