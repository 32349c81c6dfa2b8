import type { MessageKey } from '../../i18n';
import { useGatescope, useT } from '../StoreContext';

/** colah's two examples (2015): a clue a few steps back, and one 35 steps back. */
const PRESETS: ReadonlyArray<{ id: string; name: MessageKey; caption: MessageKey; text: string }> = [
  { id: 'close', name: 'preset.close', caption: 'preset.close.caption', text: 'the clouds are in the sky' },
  {
    id: 'far',
    name: 'preset.far',
    caption: 'preset.far.caption',
    text: 'I grew up in France. My family moved to a small town by the sea when I was ten, and since then ' + 'I have lived in many cities and worked in busy offices. I speak fluent French',
  },
];

/** Buttons that load an example sentence into the store (which restarts at step 0). */
export function Presets() {
  const t = useT();
  const text = useGatescope((s) => s.text);
  const setText = useGatescope((s) => s.setText);
  const active = PRESETS.find((p) => p.text === text);
  return (
    <div className="presets" role="group" aria-label={t('presets')}>
      <span className="presets-label">{t('presets')}:</span>
      {PRESETS.map((p) => (
        <button key={p.id} type="button" aria-pressed={p === active} className="chip" onClick={() => setText(p.text)}>
          {t(p.name)}
        </button>
      ))}
      {active && <p className="preset-caption">{t(active.caption)}</p>}
    </div>
  );
}
