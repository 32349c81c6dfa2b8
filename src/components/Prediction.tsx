import { useMemo } from 'react';
import { LearnChart } from './LearnChart';
import { linePoints, predictionsFromTraces, topK } from '../viz/predictions';
import { predict, stackOf, type EmbeddedToken } from '../engine';
import { useTraces } from './useTraces';
import { shortToken, visibleToken } from '../text/visible';
import { formatValue } from '../viz/vectors';
import { useGatescope, useT } from './StoreContext';

const W = 640;
const HGT = 140;
const PAD = 16;
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

/** P(positive) after each token: a line with the current step marked, and the values as text. */
function SentimentChart({ ps, t, tokens }: { ps: readonly number[]; t: number; tokens: readonly string[] }) {
  const tr = useT();
  const pts = linePoints(ps, W, HGT, PAD);
  const cur = pts[t];
  return (
    <figure className="pred-chart">
      <svg viewBox={`0 0 ${W} ${HGT}`} role="img" aria-labelledby="pred-chart-title" preserveAspectRatio="none">
        <title id="pred-chart-title">{tr('pred.chartTitle')}</title>
        <line className="mid" x1={PAD} x2={W - PAD} y1={HGT / 2} y2={HGT / 2} />
        <polyline className="line" points={pts.map((p) => `${p.x},${p.y}`).join(' ')} />
        {pts.map((p, k) => (
          <circle key={k} className={k === t ? 'dot current' : k < t ? 'dot past' : 'dot'} cx={p.x} cy={p.y} r={k === t ? 7 : 4} />
        ))}
        {cur && <line className="now" x1={cur.x} x2={cur.x} y1={PAD / 2} y2={HGT - PAD / 2} />}
      </svg>
      <figcaption className="sr-values">
        <ol className="pred-values">
          {ps.map((p, k) => (
            <li key={k} className={k === t ? 'current' : undefined} aria-current={k === t ? 'step' : undefined}>
              <span className="tok">{tokens[k]}</span> <span className="num">{pct(p)}</span>
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}

/** The shipped models whose vocabulary is English words. */
const ENGLISH_WORD_TASKS: ReadonlySet<string> = new Set(['sentiment', 'memory']);
const HAN = /\p{Script=Han}/u;

/** Unknown words named in the note at most; past these, "…". */
const MAX_NAMED = 8;
/** A named word longer than this is cut (a pasted 4,000-letter "word" must not widen the page). */
const MAX_WORD_CHARS = 24;

/**
 * What of the sentence the model does not know (each such token reads as <unk>): a prediction
 * is only as good as that, and a student who types Chinese into the English sentiment model must
 * not take its confident percentage for a verdict on their sentence.
 */
function VocabNote({ embedded }: { embedded: readonly EmbeddedToken[] }) {
  const t = useT();
  const lang = useGatescope((s) => s.lang);
  const task = useGatescope((s) => s.task);
  const setTask = useGatescope((s) => s.setTask);
  const unknown = embedded.filter((e) => e.unknown);
  if (unknown.length === 0) return null;
  const total = embedded.length;
  // Most or all unknown: the number itself is in doubt, so the note says that, not the words.
  const strong = unknown.length * 2 > total;
  let text: string;
  if (unknown.length === total) text = t('pred.unknownAll');
  else if (strong) text = t('pred.unknownMost', { known: total - unknown.length, total });
  else {
    const words = [...new Set(unknown.map((e) => e.token))];
    const named = words
      .slice(0, MAX_NAMED)
      .map((w) => `“${shortToken(w, MAX_WORD_CHARS)}”`)
      .join(lang === 'zh' ? '、' : ', ');
    text = t('pred.unknownSome', { words: words.length > MAX_NAMED ? `${named}…` : named, n: unknown.length, total });
  }
  // Chinese typed into a model that learned English words: the way on is the model that reads
  // Chinese characters, one click away (for sentiment, the Chinese sentiment model).
  const han = unknown.length === total && ENGLISH_WORD_TASKS.has(task) && embedded.some((e) => HAN.test(e.token));
  const zhTask = task === 'sentiment' ? 'sentiment-zh' : 'charlm-zh';
  return (
    <p className={strong ? 'vocab-note strong' : 'vocab-note'} role="note">
      {text}
      {han && (
        <>
          {lang === 'zh' ? '' : ' '}
          {t('pred.tryHan')}{' '}
          <button type="button" className="link" onClick={() => setTask(zhTask)}>
            {t(`task.${zhTask}`)}
          </button>
        </>
      )}
    </p>
  );
}

/** The model's output after the current step: sentiment chart or top-3 labels, and the caption. */
export function Prediction() {
  const t = useT();
  const model = useGatescope((s) => s.model);
  const meta = useGatescope((s) => s.modelMeta);
  const embedded = useGatescope((s) => s.embedded);
  const tokens = useGatescope((s) => s.tokens);
  const step = useGatescope((s) => s.t);
  const lang = useGatescope((s) => s.lang);
  const setText = useGatescope((s) => s.setText);
  // The head reads the top layer's h (of a one-layer model, its only layer).
  const here = useGatescope((s) => s.stack[s.stack.length - 1]![s.t]);
  // The curve needs every step; a large model computes them in slices (the step on screen is
  // already in the store's history, so its value shows at once).
  const head = model.head;
  const curve = head?.kind === 'sigmoid';
  const all = useTraces(stackOf(model), embedded, curve);
  const probs = useMemo(() => (head && curve && all.complete ? predictionsFromTraces(head, all.layers[all.layers.length - 1]!) : null), [head, curve, all]);
  if (!head || !here) return null;
  const now = predict(head, here.h);
  const labels = lang === 'zh' && meta?.labelsZh ? meta.labelsZh : head.labels;
  // A character model's labels are characters: a space must be seen, not blank.
  const chars = model.tokenizer === 'chars';
  const show = (s: string) => (chars ? visibleToken(s) : s);
  return (
    <section className="prediction" aria-label={t('pred.title')}>
      <h2>{t('pred.title')}</h2>
      {/* Before the number, so it is read before the number is believed. */}
      <VocabNote embedded={embedded} />
      {head.kind === 'linear' ? (
        <p className="pred-now" data-testid="prediction" data-value={now[0]}>
          {t('pred.valueAt', { t: step, token: shortToken(tokens[step] ?? '', 40) })} <strong className="num">{formatValue(now[0]!)}</strong>
          {tokens[step + 1] !== undefined && <> · {t('pred.actualNext', { v: tokens[step + 1]! })}</>}
        </p>
      ) : head.kind === 'sigmoid' ? (
        <>
          <p className="pred-now" data-testid="prediction" data-value={now[1]}>
            {t('pred.positiveAt', { t: step, token: shortToken(tokens[step] ?? '', 40) })} <strong className="num">{pct(now[1]!)}</strong>
            {' · '}
            {now[1]! >= 0.5 ? labels[1] : labels[0]}
          </p>
          {probs ? (
            <SentimentChart ps={probs.map((p) => p[1]!)} t={step} tokens={tokens} />
          ) : (
            <p className="hint" role="status">
              {t('pred.computing', { done: all.layers[0]?.length ?? 0, total: all.total })}
            </p>
          )}
        </>
      ) : (
        <div data-testid="prediction" data-label={head.labels[topK(now, head.labels, 1)[0]!.index]}>
          <p className="pred-now">
            {t(chars ? 'pred.nextAt' : 'pred.predictedAt', { t: step, token: shortToken(tokens[step] ?? '', 40) })} <strong>{show(labels[topK(now, labels, 1)[0]!.index]!)}</strong>
          </p>
          <ol className={chars ? 'top3 chars' : 'top3'} aria-label={t(chars ? 'pred.top3chars' : 'pred.top3')}>
            {topK(now, labels, 3).map((r) => (
              <li key={r.index} data-label={head.labels[r.index]} data-value={r.p}>
                <span className="lab">{show(r.label)}</span>
                <span className="bar" style={{ width: `${Math.max(1, r.p * 100)}%` }} aria-hidden="true" />
                <span className="num">{pct(r.p)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {model.task === 'memory' && head.kind === 'softmax' && <LearnChart kind={model.cell.kind} />}
      {meta?.caption && (
        <p className="look-for">
          <strong>{t('pred.lookFor')}</strong> {meta.caption[lang]}
        </p>
      )}
      {meta && meta.presets.length > 0 && (
        <div className="presets" role="group" aria-label={t('pred.presets')}>
          <span>{t('pred.presets')}</span>
          {meta.presets.map((p) => (
            <button key={p} type="button" onClick={() => setText(p)}>
              {p}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
