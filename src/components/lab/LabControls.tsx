import { labProblems } from '../../train/labSettings';
import { formatMse, formatPct } from '../../viz/labCharts';
import { useGatescope, useGatescopeStore, useT } from '../StoreContext';
import { problemText } from './LabForm';

/** Start / pause, one batch, reset, the speed, and what the runs are doing. */
export function LabControls() {
  const t = useT();
  const lab = useGatescope((s) => s.lab);
  const lang = useGatescope((s) => s.lang);
  const store = useGatescopeStore();
  const problems = labProblems(lab.settings);
  const ready = lab.runs !== null && problems.length === 0 && lab.status !== 'off';
  const running = lab.status === 'running';
  const seen = lab.runs ? Math.max(lab.runs[0].seen, lab.runs[1].seen) : 0;
  const n = seen.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const status = lab.status === 'stopped' ? t(lab.stopped === 'limit' ? 'lab.status.limit' : 'lab.status.diverged', { n }) : t(`lab.status.${lab.status}`, { n });
  return (
    <div className="lab-controls">
      <div className="lab-buttons">
        <button type="button" className="primary" disabled={!ready || lab.status === 'stopped'} onClick={() => store.getState().labToggle()}>
          {running ? t('lab.pause') : t('lab.start')}
        </button>
        <button type="button" disabled={!ready || running || lab.status === 'stopped'} onClick={() => store.getState().labStep()}>
          {t('lab.step')}
        </button>
        <button type="button" disabled={problems.length > 0} onClick={() => store.getState().labReset()}>
          {t('lab.reset')}
        </button>
        {/* Not a live region: it changes many times a second. */}
        <span className="lab-rate" data-testid="lab-rate">
          {running && lab.rate > 0 ? t('lab.rate', { n: Math.round(lab.rate).toLocaleString('en') }) : ''}
        </span>
      </div>
      <p className="lab-status" role="status" aria-label={t('lab.statusLabel')}>
        {problems.length > 0 ? `${t('lab.fixFirst')} ${problems.map((p) => problemText(t, p)).join(' ')}` : lab.error ? t('lab.error', { message: lab.error }) : status}
      </p>
    </div>
  );
}

/** One card per run: how far it is, its latest numbers, and what to do with its weights. */
export function LabRuns() {
  const t = useT();
  const runs = useGatescope((s) => s.lab.runs);
  const metric = useGatescope((s) => s.lab.metric);
  const store = useGatescopeStore();
  if (!runs) return null;
  const download = async (k: 0 | 1) => {
    const { file, seen } = await store.getState().labSnapshot(k);
    const s = store.getState().lab.settings;
    const blob = new Blob([`${JSON.stringify(file)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `lab-${s.task}-${runs[k].kind}-${seen}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <div className="lab-runs">
      {runs.map((r, k) => {
        const last = r.points.at(-1);
        const kind = t(`kind.${r.kind}`);
        return (
          <section key={k} className={`lab-run run-${k}`} aria-label={kind} data-testid={`lab-run-${k}`}>
            <h3>
              <span className={`lab-swatch run-${k}`} aria-hidden="true" /> {kind}
            </h3>
            <p className="lab-run-numbers">
              <span data-testid="lab-seen">{t('lab.seen', { n: r.seen.toLocaleString('en') })}</span>
              {last && (
                <>
                  {' · '}
                  <span data-testid="lab-heldout">{metric === 'accuracy' ? t('lab.heldout', { v: formatPct(last.heldout) }) : t('lab.heldoutMse', { v: formatMse(last.heldout) })}</span>
                  {' · '}
                  <span data-testid="lab-loss">{t('lab.trainLoss', { v: Number.isFinite(last.trainLoss) ? last.trainLoss.toFixed(3) : '—' })}</span>
                </>
              )}
            </p>
            {r.divergedAt !== null && (
              <p className="lab-problem" role="alert">
                {t('lab.diverged', { n: r.divergedAt.toLocaleString('en') })}
              </p>
            )}
            <div className="lab-run-actions">
              <button type="button" aria-label={t('lab.useLabel', { kind })} onClick={() => void store.getState().labUse(k as 0 | 1)}>
                {t('lab.use', { kind })}
              </button>
              <button type="button" aria-label={t('lab.downloadLabel', { kind })} onClick={() => void download(k as 0 | 1)}>
                {t('lab.download', { kind })}
              </button>
            </div>
          </section>
        );
      })}
    </div>
  );
}
