import { visibleToken } from '../text/visible';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../store/store';
import { useGatescope, useT } from './StoreContext';

/** Back to the first token. */
export function ResetButton() {
  const t = useT();
  const empty = useGatescope((s) => s.tokens.length === 0);
  const reset = useGatescope((s) => s.reset);
  return (
    <button type="button" className="reset" onClick={reset} disabled={empty}>
      {t('reset')}
    </button>
  );
}

/** How fast Play steps. */
export function SpeedPicker() {
  const t = useT();
  const speed = useGatescope((s) => s.speed);
  const setSpeed = useGatescope((s) => s.setSpeed);
  return (
    <label className="speed">
      <span>{t('speed')}</span>
      <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((v) => (
          <option key={v} value={v}>
            {t('speedValue', { v })}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The step controls. `compact` (one column, a phone): the bar under the figure keeps the moves
 * a thumb makes — back, play, forward, the slider — with the buttons' words said, not shown
 * (styles); Reset and Speed are in the Controls menu (App) instead.
 */
export function Controls({ compact = false }: { compact?: boolean }) {
  const t = useT();
  // Only what the controls show: a step must not re-render them for fields they do not use.
  const s = useGatescope(
    useShallow((st) => ({
      t: st.t,
      tokens: st.tokens,
      playing: st.playing,
      stepBack: st.stepBack,
      stepForward: st.stepForward,
      togglePlay: st.togglePlay,
      goTo: st.goTo,
    })),
  );
  const last = Math.max(0, s.tokens.length - 1);
  const empty = s.tokens.length === 0;
  return (
    <div className={compact ? 'controls step-bar' : 'controls'} role="group" aria-label={t('timestep')}>
      <button type="button" className="back" onClick={s.stepBack} disabled={empty || s.t === 0}>
        <span aria-hidden="true">◀ </span>
        <span className="label">{t('stepBack')}</span>
      </button>
      <button type="button" className="primary" onClick={s.togglePlay} disabled={empty}>
        <span aria-hidden="true">{s.playing ? '❚❚ ' : '▶ '}</span>
        <span className="label">{s.playing ? t('pause') : t('play')}</span>
      </button>
      <button type="button" className="forward" onClick={s.stepForward} disabled={empty || s.t >= last}>
        <span className="label">{t('stepForward')}</span>
        <span aria-hidden="true"> ▶</span>
      </button>
      {!compact && <ResetButton />}
      <label className="slider">
        <span>{t('timestep')}</span>
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={s.t}
          disabled={empty}
          aria-valuetext={empty ? '' : `t = ${s.t}: ${visibleToken(s.tokens[s.t] ?? '')}`}
          onChange={(e) => s.goTo(Number(e.target.value))}
        />
        <output aria-hidden="true">
          t = {s.t} / {last}
        </output>
      </label>
      {!compact && <SpeedPicker />}
    </div>
  );
}
