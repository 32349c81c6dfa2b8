import { useEffect, useRef } from 'react';
import { DEFAULT_KIND, embedToken } from '../../engine';
import { translationOf, type TranslationShown } from '../../selectors/translation';
import { kindOf } from '../../store/store';
import { hasTranslation } from '../../store/types';
import { valueColor } from '../../viz/colors';
import { formatValue } from '../../viz/vectors';
import { TRANSLATE_CHAIN, sideOf, translateChain } from '../../viz/translateLayout';
import { ATTENTION_BELOW, attentionLinks } from '../../viz/attentionLayout';
import { AttentionMatrix } from './AttentionMatrix';
import { CellFigure } from '../diagram/CellDiagram';
import { MathText } from '../diagram/MathText';
import { useGatescope, useT } from '../StoreContext';
import { useFigurePart } from '../useFigurePart';

/**
 * The articles' translation figure, live: the encoder reads the sentence, its final state (the
 * context) is handed over, and the decoder writes Chinese one character per step, each with its
 * three likeliest candidates. Same cell kind as the page's; the sentence is the page's. The store
 * fetches the encoder–decoder (`requestSeq2Seq`) and the numbers are derived in one place
 * (selectors/translation.ts), which the keyboard and a deck read as well. "With attention"
 * (`attn=1`) swaps in translate-attn-<kind>, whose weights are drawn under the chain and as a matrix.
 */
export function TranslateView() {
  const t = useT();
  const kind = useGatescope(kindOf);
  const request = useGatescope((s) => s.requestSeq2Seq);
  const trained = hasTranslation(kind);
  const attention = useGatescope((s) => s.translateAttention);
  const setAttention = useGatescope((s) => s.setTranslateAttention);
  const embed = useGatescope((s) => s.embed);
  useEffect(() => request(trained ? kind : null, attention), [request, kind, trained, attention]);
  const setCellKind = useGatescope((s) => s.setCellKind);
  const error = useGatescope((s) => (s.seq2seq?.kind === kind ? s.seq2seq.error : undefined));
  const shown = useGatescope(translationOf);
  const setText = useGatescope((s) => s.setText);
  if (!trained)
    return (
      <div className="translate-none">
        <p role="status">{t('translate.noModel', { kind: t(`kind.${kind}`) })}</p>
        <button type="button" onClick={() => setCellKind(DEFAULT_KIND)}>
          {t('translate.useDefault', { kind: t(`kind.${DEFAULT_KIND}`) })}
        </button>
      </div>
    );
  // The choice stays on screen whatever the model's state, so a failed file can be left.
  const toggle = !embed && (
    <label className="attn-toggle">
      <input type="checkbox" checked={attention} onChange={(e) => setAttention(e.target.checked)} /> {t('attn.toggle')}
    </label>
  );
  if (error !== undefined)
    return (
      <>
        {toggle}
        <p role="alert">{t('translate.failed', { message: error })}</p>
      </>
    );
  if (!shown)
    return (
      <>
        {toggle}
        <p role="status">{t('translate.loading')}</p>
      </>
    );
  return (
    <>
      {toggle}
      <TranslateChain translation={shown} setText={setText} />
    </>
  );
}

function TranslateChain({ translation, setText }: { translation: TranslationShown; setText: (s: string) => void }) {
  const { model, presets, source, result: r, total } = translation;
  const t = useT();
  const theme = useGatescope((s) => s.theme);
  const S = source.length;
  // The step is the store's (a link's tstep=), null for the last one; a new sentence starts there.
  const step = useGatescope((s) => s.translateStep);
  const setStep = useGatescope((s) => s.setTranslateStep);
  // A slide shows the figure, not the explanations (the teacher speaks them).
  const embed = useGatescope((s) => s.embed);
  const figurePart = useFigurePart<SVGSVGElement>(t('translate.chainLabel'));
  // Another model (a kind, attention) opens on its last step; a new sentence does in the store
  // (setText), so a step set with it, as a lesson's answer does, stays. Compared by value, not by
  // "first run": React's development double-run must not reset a link's step.
  const key = model.id;
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    setStep(null);
  }, [key, setStep]);
  const at = Math.max(0, Math.min(step ?? total - 1, total - 1));
  const { side, index } = sideOf(at, S);
  const chain = translateChain(S, r.decoder.length);
  const { cell, top, height } = TRANSLATE_CHAIN;
  const unknown = source.filter((w) => embedToken(model.encoder.embedding, w).unknown);
  const hOf = (k: number) => (k < S ? r.encoder[k]!.h : r.decoder[k - S]!.trace.h);
  const cur = side === 'decoder' ? r.decoder[index]! : null;
  // The cell diagram of the step being read: the encoder's or the decoder's own weights and trace.
  const half = side === 'encoder' ? model.encoder : model.decoder;
  const trace = cur ? cur.trace : r.encoder[index]!;
  const kindName = t(`kind.${half.cell.kind}`);
  const attended = model.attention ? r.decoder.map((d) => d.attention!.weights) : null;
  const links = attended && cur ? attentionLinks(chain, S, index, attended[index]!) : [];
  const chainHeight = height + (attended ? ATTENTION_BELOW : 0);
  const H = model.encoder.cell.hiddenSize;
  const rows = Math.ceil(H / 4);
  const unit = Math.min(10, (height - top - 50) / rows);
  // Keep the step being read in sight when the chain is wider than the page.
  const wrap = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step (or chain) is what to scroll to; the cell is found in the DOM.
  useEffect(() => {
    const box = wrap.current;
    const cell = box?.querySelector('.tr-cell.current');
    if (!box || !cell) return;
    // Sideways, inside the chain's own box only: scrollIntoView also scrolled the page down to the
    // view, so a lesson chapter opening on it (at 390 px) opened below its own heading and text.
    const b = box.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const margin = 8;
    if (c.left < b.left) box.scrollLeft -= b.left - c.left + margin;
    else if (c.right > b.right) box.scrollLeft += c.right - b.right + margin;
  }, [at, total]);

  return (
    <div className={embed ? 'translate-view embed' : 'translate-view'}>
      {!embed && (
        <>
          {/* A translator that reads only through attention hands nothing over: its intro does not say so. */}
          <p className="hint">{t(attended && model.handOver === false ? 'translate.introNoHandOver' : 'translate.intro', { kind: t(`kind.${model.encoder.cell.kind}`) })}</p>
          {attended && <p className="hint">{t(model.handOver === false ? 'attn.introRead' : 'attn.intro')}</p>}
          <div className="translate-presets" role="group" aria-label={t('translate.presets')}>
            {presets.map((p) => (
              <button key={p} type="button" className="chip" onClick={() => setText(p)}>
                {p}
              </button>
            ))}
          </div>
        </>
      )}
      {unknown.length > 0 && (
        <p className="hint" role="note">
          {t('translate.unknown', { words: unknown.join(', ') })}
        </p>
      )}
      <p className="translate-output">
        {t('translate.output')} <strong data-testid="translation-output">{r.output.join('')}</strong>
        {!r.ended && <span className="hint"> {t('translate.limit')}</span>}
      </p>
      <label className="translate-step">
        <span>{t('translate.step')}</span>
        <input type="range" min={0} max={Math.max(0, total - 1)} value={at} onChange={(e) => setStep(Number(e.target.value))} />
        <output data-testid="translate-where">
          {side === 'encoder'
            ? t('translate.atEncoder', { n: index + 1, of: S, token: source[index] ?? '' })
            : t('translate.atDecoder', { n: index + 1, of: r.decoder.length, input: cur!.input, output: cur!.output })}
        </output>
      </label>
      {/* Never below 80% of its size (16 px characters stay ≥ 12.8 px): a long chain scrolls instead. */}
      <div className="table-wrap" ref={wrap}>
        <svg
          className="translate-chain"
          viewBox={`0 0 ${chain.width} ${chainHeight}`}
          style={{ maxWidth: chain.width, minWidth: Math.round(chain.width * 0.8) }}
          role="group"
          aria-label={t('translate.chainLabel')}
          ref={figurePart}
        >
          <text className="side-label" x={TRANSLATE_CHAIN.pad} y={14}>
            {t('translate.encoder')}
          </text>
          <text className="side-label" x={chain.handoverX[1]} y={14}>
            {t('translate.decoder')}
          </text>
          {/* Drawn only when there is one: a reading-only translator's decoder starts from zeros. */}
          {model.handOver !== false && (
            <g className="handover" role="img" aria-label={t('translate.handover', { units: H })}>
              <line x1={chain.handoverX[0]} x2={chain.handoverX[1] - 4} y1={top + 30} y2={top + 30} markerEnd="url(#tr-arrow)" />
              <text x={(chain.handoverX[0] + chain.handoverX[1]) / 2} y={top + 22} textAnchor="middle">
                {t('translate.context')}
              </text>
            </g>
          )}
          <defs>
            <marker id="tr-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" />
            </marker>
          </defs>
          {links.length > 0 && (
            <g className="attn-links" role="img" aria-label={`${t('attn.links', { n: index + 1 })}: ${links.map((l) => `${source[l.source]} ${l.weight.toFixed(2)}`).join(', ')}`}>
              {links.map((l) => (
                <path key={l.source} d={l.d} strokeWidth={l.width} strokeOpacity={l.opacity} data-source={l.source} data-value={l.weight} />
              ))}
              {links.map((l) => (
                <text key={l.source} className="attn-w" x={l.labelX} y={l.labelY} textAnchor="middle" data-source={l.source}>
                  {l.weight.toFixed(2)}
                </text>
              ))}
            </g>
          )}
          {chain.cells.map((c) => {
            const h = hOf(c.step);
            const d = c.side === 'decoder' ? r.decoder[c.index]! : null;
            const label = c.side === 'encoder' ? t('translate.encStep', { n: c.index + 1, token: source[c.index]! }) : t('translate.decStep', { n: c.index + 1, input: d!.input, output: d!.output });
            return (
              <g
                key={c.step}
                className={c.step === at ? 'tr-cell current' : 'tr-cell'}
                role="button"
                tabIndex={0}
                aria-label={label}
                aria-pressed={c.step === at}
                onClick={() => setStep(c.step)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setStep(c.step)}
              >
                <rect x={c.x} y={top} width={cell} height={height - top - 40} rx={6} className={c.side} />
                {Array.from(h, (v, k) => (
                  <rect key={k} x={c.x + 6 + (k % 4) * 11} y={top + 6 + Math.floor(k / 4) * unit} width={10} height={unit - 1} fill={valueColor(v, 'signed', theme)} data-value={v} />
                ))}
                <text className="tr-in" x={c.x + cell / 2} y={height - 22} textAnchor="middle">
                  {c.side === 'encoder' ? source[c.index] : d!.input}
                </text>
                {d && (
                  <text className="tr-out" x={c.x + cell / 2} y={top - 6} textAnchor="middle">
                    {d.output}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="translate-readout">
        {attended && <AttentionMatrix source={source} outputs={r.decoder.map((d) => d.output)} weights={attended} current={cur ? index : null} theme={theme} />}
        {cur ? (
          <table className="values translate-top" aria-label={t('translate.topLabel', { n: index + 1 })}>
            <caption>{t('translate.topLabel', { n: index + 1 })}</caption>
            <tbody>
              {cur.top.map((c, k) => (
                <tr key={k}>
                  <th scope="row">{c.token}</th>
                  <td data-value={c.p}>{(100 * c.p).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="hint">{t(attended ? 'attn.encoderNote' : 'translate.encoderNote', { units: H })}</p>
        )}
      </div>
      {!embed && (
        <p className="hint">
          {t('translate.hNow')}{' '}
          <code className="tr-h">
            {Array.from(hOf(at), (v) => formatValue(v))
              .slice(0, 8)
              .join(' ')}{' '}
            …
          </code>
        </p>
      )}
      <section className="translate-cell" aria-labelledby="translate-cell-title">
        <h3 id="translate-cell-title" className={side}>
          {side === 'encoder'
            ? t('translate.cellEnc', { kind: kindName, t: index, token: source[index] ?? '' })
            : t('translate.cellDec', { kind: kindName, t: index, input: cur!.input, output: cur!.output })}
        </h3>
        {index === 0 && (
          <p className="hint">
            <MathText
              text={t(side === 'encoder' ? 'translate.startEnc' : model.handOver === false ? 'attn.startDecZero' : 'translate.startDec', {
                state: t('cPrev' in trace ? 'translate.stateHC' : 'translate.stateH'),
              })}
            />
          </p>
        )}
        <CellFigure
          trace={trace}
          params={half.cell}
          step={index}
          title={`${t(side === 'encoder' ? 'translate.encoder' : 'translate.decoder')}: ${t('diag.title', { kind: kindName, t: index })}`}
          motionKey={`${key}|${source.join(' ')}|${at}`}
        />
      </section>
      {!embed && <p className="explain">{t(attended ? (model.handOver === false ? 'attn.explainRead' : 'attn.explain') : 'translate.explain')}</p>}
    </div>
  );
}
