import type { Theme } from '../../store/types';
import { attentionMatrix, ATTENTION_MATRIX } from '../../viz/attentionLayout';
import { valueColor } from '../../viz/colors';
import { useT } from '../StoreContext';

interface Props {
  readonly source: readonly string[];
  /** What each decoder step wrote (</s> last when decoding ended). */
  readonly outputs: readonly string[];
  /** weights[u][t]: decoder step u's weight on source word t. */
  readonly weights: readonly ArrayLike<number>[];
  /** The decoder step being read, or null at an encoder step. */
  readonly current: number | null;
  readonly theme: Theme;
}

/**
 * The attention weights as a matrix, beside the chain: a row per character the decoder wrote, a
 * column per source word, shaded by weight (0 … 1, the gates' scale); the current step's row is
 * outlined and its weights written in, the numbers the lines under the chain carry too.
 */
export function AttentionMatrix({ source, outputs, weights, current, theme }: Props) {
  const t = useT();
  const m = attentionMatrix(outputs.length, source.length);
  const { cellW, cellH, left, top } = ATTENTION_MATRIX;
  return (
    <figure className="attn-matrix" style={{ maxWidth: Math.max(m.width, 320) }}>
      <figcaption>
        <strong>{t('attn.matrixTitle')}</strong> <span className="hint">{t('attn.matrixNote')}</span>
      </figcaption>
      <svg viewBox={`0 0 ${m.width} ${m.height}`} style={{ maxWidth: m.width }} role="img" aria-label={t('attn.matrixLabel')}>
        {source.map((w, c) => (
          <text key={c} className="attn-col" transform={`translate(${m.colX(c) + cellW / 2 + 4},${top - 6}) rotate(-60)`}>
            {w}
          </text>
        ))}
        {outputs.map((o, r) => (
          <g key={r} className={r === current ? 'attn-row current' : 'attn-row'} data-row={r}>
            <text className="attn-out" x={left - 8} y={m.rowY(r) + cellH / 2 + 5} textAnchor="end">
              {o}
            </text>
            {source.map((_, c) => {
              const w = weights[r]?.[c] ?? 0;
              return <rect key={c} x={m.colX(c) + 1} y={m.rowY(r) + 1} width={cellW - 2} height={cellH - 2} fill={valueColor(w, 'gate', theme)} data-value={w} />;
            })}
            {r === current && (
              <>
                <rect className="attn-outline" x={left} y={m.rowY(r)} width={source.length * cellW} height={cellH} />
                {source.map((_, c) => (
                  <text key={c} className="attn-num" x={m.colX(c) + cellW / 2} y={m.rowY(r) + cellH / 2 + 4} textAnchor="middle">
                    {(weights[r]?.[c] ?? 0).toFixed(2)}
                  </text>
                ))}
              </>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
