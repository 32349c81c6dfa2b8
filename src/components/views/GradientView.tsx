import { useMemo, useState } from 'react';
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
  const [fillers, setFillers] = useState(0);
  const [forgetBias, setForgetBias] = useState(0);

  const rnn = model.cell.kind === 'rnn' ? model : demoModel('rnn');
  const other = model.cell.kind === 'rnn' ? demoModel('lstm') : model;
  const maxFill = Math.max(0, MAX_TOKENS - tokens.length);
  const fill = Math.min(fillers, maxFill);
  const seq = useMemo(() => withFiller(tokens, fill), [tokens, fill]);
  const left = useMemo(() => gradientFlow(rnn, rnn.cell, seq), [rnn, seq]);
  const right = useMemo(() => gradientFlow(other, withForgetBias(other.cell, forgetBias), seq), [other, seq, forgetBias]);
  if (!left || !right) return <p>{t('noSteps')}</p>;
  const hasBelt = right.belt !== null;

  return (
    <div className="gradient-view">
      <p className="explain">{t('flow.explain')}</p>
      <div className="flow-controls">
        <label>
          <span>{t('flow.fillers')}</span>
          <input type="range" min={0} max={maxFill} step={1} value={fill} onChange={(e) => setFillers(Number(e.target.value))} />
          <output>{t('flow.fillerCount', { n: fill, total: seq.length })}</output>
        </label>
        {hasBelt && (
          <label>
            <span>{t('flow.forgetBias')}</span>
            <input type="range" min={-4} max={8} step={0.5} value={forgetBias} onChange={(e) => setForgetBias(Number(e.target.value))} />
            <output>{forgetBias >= 0 ? `+${forgetBias.toFixed(1)}` : `−${(-forgetBias).toFixed(1)}`}</output>
          </label>
        )}
      </div>
      <div className="flow-charts">
        <FlowChart series={left} tokens={seq} current={current} title={t('flow.title', { kind: t(`kind.${left.kind}`) })} />
        <FlowChart series={right} tokens={seq} current={current} title={t('flow.title', { kind: t(`kind.${right.kind}`) })} />
      </div>
      <FlowTable tokens={seq} left={left} right={right} />
    </div>
  );
}
