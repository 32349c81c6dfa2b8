import { useMemo } from 'react';
import { stackOf } from '../engine';
import { unreachableWords } from '../text/vocabCheck';
import { figureOf } from '../viz/kinds';
import { useGatescope, useT } from './StoreContext';
import { MathText } from './diagram/MathText';

/** Says which model runs and which framework conventions its numbers follow. */
export function ModelInfo() {
  const t = useT();
  const model = useGatescope((s) => s.model);
  const report = useGatescope((s) => s.modelMeta?.report ?? null);
  const origin = useGatescope((s) => s.origin);
  const acc = typeof report?.heldoutAccuracy === 'number' ? report.heldoutAccuracy : null;
  const bpc = typeof report?.heldoutBpc === 'number' ? report.heldoutBpc : null;
  const mse = typeof report?.heldoutMse === 'number' ? report.heldoutMse : null;
  const naive = typeof report?.naiveMse === 'number' ? report.naiveMse : null;
  const reviews = typeof report?.heldoutReviewAccuracy === 'number' ? report.heldoutReviewAccuracy : null;
  // The sentiment models: the hand-written held-out sentences, beside the pooled figure (mostly
  // generated sentences, near relatives of the training ones). Chinese keeps them among its
  // held-out sets, English beside its reviews.
  const everyday = (report?.heldoutSets as { everyday?: { accuracy?: unknown } } | undefined)?.everyday?.accuracy ?? (report?.heldoutEveryday as { accuracy?: unknown } | undefined)?.accuracy;
  const convention = figureOf(model.cell.kind).convention;
  // Your own model's vocabulary, checked against the tokenizer it will be given: a word it can
  // never produce is a row that is never used, and that word typed becomes <unk>.
  const unreachable = useMemo(() => (origin && origin.from !== 'lab' && model.embedding.kind === 'table' ? unreachableWords(model.embedding.vocab, model.tokenizer) : []), [origin, model]);
  return (
    <section className="model-info" aria-label={t('modelLabel')}>
      <p>
        <strong>{t('modelLabel')}:</strong> <code>{model.id}</code> · {[model.cell.inputSize, ...stackOf(model).map((c) => c.hiddenSize)].join('→')}
        {stackOf(model).length > 1 && <> · {t('info.layers', { n: stackOf(model).length })}</>}
        {origin && (
          <span className="model-origin" data-testid="model-origin">
            {' '}
            · {origin.from === 'lab' ? t('model.fromLab') : t(origin.from === 'file' ? 'model.fromFile' : 'model.fromUrl', { name: origin.name })}
          </span>
        )}
        {!model.trained && <span className="badge untrained">{t('untrained')}</span>}
        {model.trained && !origin && (
          <span className="badge trained">
            {t('trained')}
            {acc !== null && <> · {t('heldoutAccuracy', { v: (acc * 100).toFixed(1) })}</>}
            {reviews !== null && <> · {t('heldoutReviews', { v: (reviews * 100).toFixed(1) })}</>}
            {typeof everyday === 'number' && <> · {t('heldoutEveryday', { v: (everyday * 100).toFixed(1) })}</>}
            {bpc !== null && <> · {t('heldoutBpc', { v: bpc.toFixed(2) })}</>}
            {mse !== null && naive !== null && <> · {t('heldoutMse', { v: mse.toPrecision(3), naive: naive.toPrecision(3) })}</>}
          </span>
        )}
      </p>
      {unreachable.length > 0 && model.embedding.kind === 'table' && (
        <p className="message notice" data-testid="vocab-unreachable">
          {t('model.unreachable', {
            n: unreachable.length.toLocaleString('en'),
            total: model.embedding.vocab.length.toLocaleString('en'),
            examples: unreachable
              .slice(0, 4)
              .map((w) => `“${w.length > 20 ? `${w.slice(0, 20)}…` : w}”`)
              .join(', '),
          })}{' '}
          {t(model.tokenizer === 'chars' ? 'model.unreachableChars' : 'model.unreachableWords')}
        </p>
      )}
      <p className="conventions">
        {t('conventions')}
        {convention && (
          <>
            {' '}
            <MathText text={t(convention)} />
          </>
        )}
      </p>
    </section>
  );
}
