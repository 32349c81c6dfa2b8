import { visibleToken } from '../text/visible';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../store/store';
import { useGatescope, useT } from './StoreContext';

export function Controls() {
  const t = useT();
  // Only what the controls show: a step must not re-render them for fields they do not use.
  const s = useGatescope(
    useShallow((st) => ({
      t: st.t,
      tokens: st.tokens,
      playing: st.playing,
      speed: st.speed,
      stepBack: st.stepBack,
      stepForward: st.stepForward,
      togglePlay: st.togglePlay,
      reset: st.reset,
      goTo: st.goTo,
      setSpeed: st.setSpeed,
    })),
  );
  const last = Math.max(0, s.tokens.length - 1);
  const empty = s.tokens.length === 0;
  return (
    <div className="controls" role="group" aria-label={t('timestep')}>
      <button type="button" onClick={s.stepBack} disabled={empty || s.t === 0}>
        <span aria-hidden="true">◀ </span>
        {t('stepBack')}
      </button>
      <button type="button" className="primary" onClick={s.togglePlay} disabled={empty}>
        <span aria-hidden="true">{s.playing ? '❚❚ ' : '▶ '}</span>
        {s.playing ? t('pause') : t('play')}
      </button>
      <button type="button" onClick={s.stepForward} disabled={empty || s.t >= last}>
        {t('stepForward')}
        <span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" className="reset" onClick={s.reset} disabled={empty}>
        {t('reset')}
      </button>
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
      <label className="speed">
        <span>{t('speed')}</span>
        <select value={s.speed} onChange={(e) => s.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {t('speedValue', { v })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
