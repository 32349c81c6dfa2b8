import { useRef } from 'react';
import { useGatescope, useT } from './StoreContext';

/** "Load your own model…": a visible button over a hidden file input (accept .json). */
export function OwnModelInput() {
  const t = useT();
  const load = useGatescope((s) => s.loadModelFile);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="own-model">
      <label className="chip own-model-label" title={t('model.ownHint')}>
        {t('model.own')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          data-testid="own-model-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared so that picking the same file again (after fixing it) loads it again.
            e.currentTarget.value = '';
            if (file) void load(file);
          }}
        />
      </label>
    </div>
  );
}
