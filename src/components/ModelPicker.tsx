import { MAX_MODEL_BYTES, megabytes } from '../store/ownModel';
import { chosenKind, chosenStacked, chosenStateful, chosenTask } from '../store/store';
import { hasModel, MODEL_TASKS } from '../store/types';
import { useGatescope, useT } from './StoreContext';

/** The one stacked model shipped (npm run train -- --task sentiment --cell lstm --layers 2). */
const STACKED_SENTIMENT = 'sentiment-lstm-2layers';
/** The one character model trained with its state carried (npm run train -- --task charlm-stateful --cell lstm). */
const STATEFUL_CHARLM = 'charlm-lstm-stateful';

/** Demo | Sentiment | Long-range memory, beside the cell type; the pair names the model. */
export function ModelPicker() {
  const t = useT();
  const task = useGatescope(chosenTask);
  const setTask = useGatescope((s) => s.setTask);
  const loading = useGatescope((s) => s.loading);
  // With your own model showing, no task is selected: picking one (even Demo) leaves your model.
  const own = useGatescope((s) => s.origin !== null);
  const kind = useGatescope(chosenKind);
  const stacked = useGatescope(chosenStacked);
  const stateful = useGatescope(chosenStateful);
  const loadModel = useGatescope((s) => s.loadModel);
  return (
    <fieldset className="cell-type model-picker" aria-busy={loading !== null}>
      <legend>{t('task')}</legend>
      {MODEL_TASKS.map((k) => {
        // Today's kinds are trained on some tasks only: the others say so instead of failing to load.
        const none = !hasModel(k, kind);
        return (
          <label key={k} className={`${k === task && !own ? 'chip selected' : 'chip'}${none ? ' disabled' : ''}`} title={none ? t('task.noModel', { kind: t(`kind.${kind}`) }) : undefined}>
            <input type="radio" name="model-task" value={k} checked={k === task && !own} disabled={none} onChange={() => setTask(k)} />
            {t(`task.${k}`)}
            {none && <span className="visually-hidden"> ({t('task.noModel', { kind: t(`kind.${kind}`) })})</span>}
          </label>
        );
      })}
      {/* The shipped stacked model: the sentiment LSTM with two layers, trained the same way. */}
      {task === 'sentiment' && !own && (
        <label className={stacked ? 'chip selected stack-toggle' : 'chip stack-toggle'}>
          <input type="checkbox" checked={stacked} onChange={(e) => void loadModel(e.target.checked ? STACKED_SENTIMENT : `sentiment-${kind}`)} />
          {t('task.stacked')}
        </label>
      )}
      {/* The Austen LSTM trained statefully, hidden 128: the model whose quotation unit the painted text opens on. */}
      {task === 'charlm' && !own && (
        <label className={stateful ? 'chip selected stack-toggle' : 'chip stack-toggle'}>
          <input type="checkbox" checked={stateful} onChange={(e) => void loadModel(e.target.checked ? STATEFUL_CHARLM : `charlm-${kind}`)} />
          {t('task.stateful')}
        </label>
      )}
    </fieldset>
  );
}

/** Loading and load errors, in a live region so screen readers hear them. */
export function ModelStatus() {
  const t = useT();
  // The first model's load is said where its view will be (ViewTabs), not here as well.
  const loading = useGatescope((s) => (s.opening !== null ? null : s.loading));
  const error = useGatescope((s) => s.loadError);
  const current = useGatescope((s) => s.model.id);
  const clear = useGatescope((s) => s.clearLoadError);
  return (
    <div aria-live="polite" className="model-status">
      {loading && <p className="message notice">{t('model.loading', { id: loading })}</p>}
      {error && (
        <div className="message error" role="alert">
          <p>{t('model.loadError', { id: error.id, id2: current })}</p>
          {error.reason === 'tooBig' && <p>{t('model.tooBig', { mb: error.sizeMb ?? '?', max: megabytes(MAX_MODEL_BYTES) })}</p>}
          {error.reason === 'notJson' && <p>{t('model.notJson')}</p>}
          {/* The parser's message names the field and the expected and found shapes. */}
          <p className="detail">
            <code data-testid="load-error-detail">{error.message}</code>
          </p>
          <button type="button" onClick={clear}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
