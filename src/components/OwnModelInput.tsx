import { useRef } from 'react';
import { useGatescope, useT } from './StoreContext';

/** "Load your own model…": a visible button over a hidden file input (a model JSON, or a .safetensors with its vocabulary file). */
export function OwnModelInput() {
  const t = useT();
  const load = useGatescope((s) => s.loadModelFiles);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="own-model">
      <label className="chip own-model-label" title={t('model.ownHint')}>
        {t('model.own')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json,.safetensors,.txt,.onnx"
          multiple
          className="visually-hidden"
          data-testid="own-model-input"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            // Cleared so that picking the same file again (after fixing it) loads it again.
            e.currentTarget.value = '';
            if (files.length > 0) void load(files);
          }}
        />
      </label>
    </div>
  );
}
