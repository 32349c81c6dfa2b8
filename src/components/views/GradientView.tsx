import { LearnChart } from '../LearnChart';
import { BASELINE_KIND, DEFAULT_KIND, kindOf, stackOf } from '../../engine';
import { useMemo } from 'react';
import { FORGET_BIAS } from '../../store/store';
import { MAX_TOKENS } from '../../text/tokenize';
import { demoModel } from '../../models/demo';
import { withFiller } from '../../viz/gradientFlow';
import { useFlow, type FlowState } from '../gradient/useFlow';
import { FlowChart } from '../gradient/FlowChart';
import { FlowTable } from '../gradient/FlowTable';
import { useGatescope, useT } from '../StoreContext';
import { MathText } from '../diagram/MathText';

/**
 * Vanishing gradients, seen: how strongly each earlier token still reaches the state at the end
 * of the sentence, for a plain RNN beside the cell being studied (an LSTM unless that is the RNN).
 */
export function GradientView() {
  const t = useT();
  const model = useGatescope((s) => s.model);
  const tokens = useGatescope((s) => s.tokens);
  const current = useGatescope((s) => s.t);
  const flow = useGatescope((s) => s.flow);
  const setFlow = useGatescope((s) => s.setFlow);

  // The studied cell beside a plain RNN (an LSTM beside an RNN model). The untrained partner
  // reads the same x's as the model when it can (same embedding), so both see one sentence.
  const [rnn, other] = useMemo(() => {
    const isBaseline = model.cell.kind === BASELINE_KIND;
    const partner = demoModel(isBaseline ? DEFAULT_KIND : BASELINE_KIND);
    const same = partner.cell.inputSize === model.cell.inputSize ? { ...partner, embedding: model.embedding } : partner;
    return isBaseline ? [model, same] : [same, model];
  }, [model]);
  const fromCurrent = flow.from === 'current';
  const maxFill = fromCurrent ? 0 : Math.max(0, MAX_TOKENS - tokens.length);
  const fill = Math.min(flow.fillers, maxFill);
  // From the current step: the sentence up to it (fillers come after the sentence, so none).
  // Measured from the last token, the step is not part of it: with `current` among its inputs
  // every step made a new sequence, and the flow was computed again (at hidden 512, a worker
  // started and the model copied to it on each step: 194 of 300 steps dropped a frame).
  const upTo = fromCurrent ? current : -1;
  const seq = useMemo(() => (upTo >= 0 ? tokens.slice(0, upTo + 1) : withFiller(tokens, fill)), [tokens, fill, upTo]);
  // A large cell's flow is computed in a worker (hidden 512 × 200 tokens is about a minute).
  const leftFlow = useFlow(rnn, 0, seq);
  const rightFlow = useFlow(other, flow.forgetBias, seq);
  const left = leftFlow.state.status === 'done' ? leftFlow.state.series : null;
  const right = rightFlow.state.status === 'done' ? rightFlow.state.series : null;
  if (seq.length === 0) return <p>{t('noSteps')}</p>;
  const hasBelt = kindOf(other.cell.kind).hasCellState;
  const end = fromCurrent ? t('flow.endCurrent', { t: current }) : t('flow.endLast');
  const bias = flow.forgetBias;

  return (
    <div className="gradient-view">
      <div className="flow-controls">
        <fieldset className="flow-from">
          <legend>{t('flow.from')}</legend>
          {(['last', 'current'] as const).map((f) => (
            <label key={f} className={flow.from === f ? 'chip selected' : 'chip'}>
              <input type="radio" name="flow-from" checked={flow.from === f} onChange={() => setFlow({ from: f })} />
              {t(f === 'last' ? 'flow.fromLast' : 'flow.fromCurrent')}
            </label>
          ))}
        </fieldset>
        <label>
          <span>{t('flow.fillers')}</span>
          <input type="range" min={0} max={maxFill} step={1} value={fill} disabled={fromCurrent} onChange={(e) => setFlow({ fillers: Number(e.target.value) })} />
          <output>{t('flow.fillerCount', { n: fill, total: seq.length })}</output>
        </label>
        {hasBelt && (
          <label>
            <span>{t('flow.forgetBias')}</span>
            <input type="range" min={FORGET_BIAS.min} max={FORGET_BIAS.max} step={FORGET_BIAS.step} value={bias} onChange={(e) => setFlow({ forgetBias: Number(e.target.value) })} />
            <output>{bias >= 0 ? `+${bias.toFixed(1)}` : `−${(-bias).toFixed(1)}`}</output>
          </label>
        )}
      </div>
      <div className="flow-charts">
        {[
          { key: 'left', kind: rnn.cell.kind, series: left, flow: leftFlow },
          { key: 'right', kind: other.cell.kind, series: right, flow: rightFlow },
        ].map((c) => {
          const title = t('flow.title', { kind: t(`kind.${c.kind}`), end });
          return c.series ? (
            <FlowChart key={c.key} series={c.series} tokens={seq} current={current} title={title} />
          ) : (
            <FlowPending key={c.key} title={title} state={c.flow.state} cancel={c.flow.cancel} retry={c.flow.retry} />
          );
        })}
      </div>
      {stackOf(model).length > 1 && (
        <p className="hint" data-testid="flow-layer-note">
          <MathText text={t('flow.stackNote', { n: stackOf(model).length })} />
        </p>
      )}
      {/* The explanation under the charts: the first screen shows the knobs and the figure. */}
      <p className="explain">{t('flow.explain')}</p>
      <details className="learn-details">
        <summary>{t('flow.learnSummary')}</summary>
        <LearnChart kind={other.cell.kind} id="learnability-flow" />
      </details>
      {left && right && <FlowTable tokens={seq} left={left} right={right} caption={t('flow.tableCaption', { end })} />}
    </div>
  );
}

/** A chart still being computed in the worker: progress and a way out; or why it is not there. */
function FlowPending({ title, state, cancel, retry }: { title: string; state: FlowState; cancel: () => void; retry: () => void }) {
  const t = useT();
  return (
    <figure className="flow-chart flow-pending">
      <figcaption>{title}</figcaption>
      {state.status === 'computing' ? (
        <>
          <p role="status">{t('flow.computing', { done: state.done, total: state.total })}</p>
          <progress max={state.total} value={state.done} aria-label={t('flow.progress', { title })} />
          <button type="button" onClick={cancel}>
            {t('flow.cancel')}
          </button>
        </>
      ) : (
        <>
          <p role="status">{state.status === 'error' ? t('flow.failed', { message: state.message }) : t('flow.cancelled')}</p>
          <button type="button" onClick={retry}>
            {t('flow.retry')}
          </button>
        </>
      )}
    </figure>
  );
}
