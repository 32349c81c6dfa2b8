import { CELL_KINDS, type CellKind } from '../../engine';
import { useT } from '../StoreContext';

/** A native select, so it works the same with mouse, keyboard, touch and screen readers. */
export function RowKindPicker({ id, label, kind, onChange }: { id: string; label: string; kind: CellKind; onChange: (k: CellKind) => void }) {
  const t = useT();
  return (
    <span className="row-kind">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={kind} onChange={(e) => onChange(e.target.value as CellKind)}>
        {CELL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
