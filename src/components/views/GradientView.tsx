import { LearnChart } from '../LearnChart';
import { useMemo } from 'react';
import { FORGET_BIAS } from '../../store/store';
import { MAX_TOKENS } from '../../text/tokenize';
import { demoModel } from '../../models/demo';
import { gradientFlow, withFiller, withForgetBias } from '../../viz/gradientFlow';
import { FlowChart } from '../gradient/FlowChart';
import { FlowTable } from '../gradient/FlowTable';
import { useGatescope, useT } from '../StoreContext';

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
    const partner = demoModel(model.cell.kind === 'rnn' ? 'lstm' : 'rnn');
    const same = partner.cell.inputSize === model.cell.inputSize ? { ...partner, embedding: model.embedding } : partner;
    return model.cell.kind === 'rnn' ? [model, same] : [same, model];
  }, [model]);
  const fromCurrent = flow.from === 'current';
  const maxFill = fromCurrent ? 0 : Math.max(0, MAX_TOKENS - tokens.length);
  const fill = Math.min(flow.fillers, maxFill);
  // From the current step: the sentence up to it (fillers come after the sentence, so none).
  const seq = useMemo(() => (fromCurrent ? tokens.slice(0, current + 1) : withFiller(tokens, fill)), [tokens, fill, fromCurrent, current]);
  const left = useMemo(() => gradientFlow(rnn, rnn.cell, seq), [rnn, seq]);
  const right = useMemo(() => gradientFlow(other, withForgetBias(other.cell, flow.forgetBias), seq), [other, seq, flow.forgetBias]);
  if (!left || !right) return <p>{t('noSteps')}</p>;
  const hasBelt = right.belt !== null;
  const end = fromCurrent ? t('flow.endCurrent', { t: current }) : t('flow.endLast');
  const bias = flow.forgetBias;

  return (
    <div className="gradient-view">
      <p className="explain">{t('flow.explain')}</p>
      <details className="learn-details">
        <summary>{t('flow.learnSummary')}</summary>
        <LearnChart kind={right.kind} id="learnability-flow" />
      </details>
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
        <FlowChart series={left} tokens={seq} current={current} title={t('flow.title', { kind: t(`kind.${left.kind}`), end })} />
        <FlowChart series={right} tokens={seq} current={current} title={t('flow.title', { kind: t(`kind.${right.kind}`), end })} />
      </div>
      <FlowTable tokens={seq} left={left} right={right} caption={t('flow.tableCaption', { end })} />
    </div>
  );
}
