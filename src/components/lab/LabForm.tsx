import { useEffect, useId, useState } from 'react';
import { CELL_KINDS, type CellKind } from '../../engine';
import { LAB_LIMITS, LAB_TASKS, labProblems, labStartOf, labStarts, type LabProblem, type LabSettings, type LabStart, type LabTask } from '../../train/labSettings';
import type { MessageKey, Translate } from '../../i18n';
import { useGatescope, useT } from '../StoreContext';

type NumField = keyof typeof LAB_LIMITS;
const FIELD_KEY: Record<NumField, MessageKey> = { gap: 'lab.gap', hidden: 'lab.hidden', lr: 'lab.lr', batch: 'lab.batch', seed: 'lab.seed', keepBias: 'lab.keepBias' };

/** The message for one problem, naming the setting and what it accepts. */
export function problemText(t: Translate, p: LabProblem): string {
  if (p.field === 'kinds') return t('lab.problem.sameKinds');
  if (p.field === 'starts') return t('lab.problem.noSuchStart');
  const field = t(FIELD_KEY[p.field]);
  const lim = LAB_LIMITS[p.field];
  if (p.reason === 'outOfRange') return t('lab.problem.outOfRange', { field, min: lim.min, max: lim.max });
  if (p.reason === 'notOnStep') return lim.step === 1 ? t('lab.problem.notOnStep', { field }) : t('lab.problem.notOnStepHalf', { field, step: lim.step });
  return t('lab.problem.notANumber', { field });
}

/** A number box that keeps what is typed (an empty or half-typed value included) and reports it as a number or NaN. */
function NumberField({ field, value, problem, onChange, hint }: { field: NumField; value: number; problem: string | null; onChange: (v: number) => void; hint?: string }) {
  const t = useT();
  const id = useId();
  const [raw, setRaw] = useState(String(value));
  // A change from elsewhere (a task's defaults, a link) shows; what is being typed stays.
  useEffect(() => {
    setRaw((r) => (Number(r) === value && r.trim() !== '' ? r : Number.isNaN(value) ? r : String(value)));
  }, [value]);
  const lim = LAB_LIMITS[field];
  const described = [problem ? `${id}-problem` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`lab-field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{t(FIELD_KEY[field])}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={lim.min}
        max={lim.max}
        step={lim.step || 'any'}
        value={raw}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        onChange={(e) => {
          setRaw(e.target.value);
          onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
        }}
      />
      {hint && (
        <small id={`${id}-hint`} className="lab-hint">
          {hint}
        </small>
      )}
      {problem && (
        <small id={`${id}-problem`} className="lab-problem" role="alert">
          {problem}
        </small>
      )}
    </div>
  );
}

function KindSelect({ label, value, onChange }: { label: string; value: CellKind; onChange: (k: CellKind) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as CellKind)}>
        {CELL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The start of one run's cell: the starts its kind offers (labStarts), each named in the reader's language. */
function StartSelect({ kind, value, onChange }: { kind: CellKind; value: LabStart; onChange: (s: LabStart) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="lab-field lab-start">
      <label htmlFor={id}>{t('lab.startOf', { kind: t(`kind.${kind}`) })}</label>
      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value as LabStart)}>
        {labStarts(kind).map((k) => (
          <option key={k} value={k}>
            {t(`start.${k}`)}
          </option>
        ))}
      </select>
      <small id={`${id}-hint`} className="visually-hidden">
        {t('lab.startHint')}
      </small>
    </div>
  );
}

/** Task, the two cells and the recipe. Every change starts both runs afresh. */
export function LabForm() {
  const t = useT();
  const s = useGatescope((st) => st.lab.settings);
  const set = useGatescope((st) => st.setLabSettings);
  const taskId = useId();
  const gapId = useId();
  const problems = labProblems(s);
  const problemFor = (f: NumField) => {
    const p = problems.find((q) => q.field === f);
    return p ? problemText(t, p) : null;
  };
  const starts: [LabStart, LabStart] = [labStartOf(s, 0), labStartOf(s, 1)];
  // A new kind starts from its first start; the other run keeps its own.
  const kinds = (k: 0 | 1, v: CellKind) => {
    const next = (k === 0 ? [v, s.kinds[1]] : [s.kinds[0], v]) as LabSettings['kinds'];
    const st: [LabStart, LabStart] = [...starts];
    st[k] = labStarts(v)[0]!;
    set({ kinds: next, starts: st });
  };
  const start = (k: 0 | 1, v: LabStart) => {
    const st: [LabStart, LabStart] = [...starts];
    st[k] = v;
    set({ starts: st });
  };
  const same = problems.find((p) => p.field === 'kinds');
  const noStart = problems.find((p) => p.field === 'starts');
  return (
    <form className="lab-settings" aria-label={t('lab.settings')} onSubmit={(e) => e.preventDefault()}>
      <div className="lab-field lab-task">
        <label htmlFor={taskId}>{t('lab.task')}</label>
        <select id={taskId} value={s.task} onChange={(e) => set({ task: e.target.value as LabTask })}>
          {LAB_TASKS.map((k) => (
            <option key={k} value={k}>
              {t(`lab.task.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <KindSelect label={t('lab.kindA')} value={s.kinds[0]} onChange={(v) => kinds(0, v)} />
      <StartSelect kind={s.kinds[0]} value={starts[0]} onChange={(v) => start(0, v)} />
      <KindSelect label={t('lab.kindB')} value={s.kinds[1]} onChange={(v) => kinds(1, v)} />
      <StartSelect kind={s.kinds[1]} value={starts[1]} onChange={(v) => start(1, v)} />
      {(same ?? noStart) && (
        <small className="lab-problem" role="alert">
          {problemText(t, (same ?? noStart)!)}
        </small>
      )}
      {s.task === 'memory' && (
        <div className="lab-field lab-gap">
          <label htmlFor={gapId}>{t('lab.gap')}</label>
          <input
            id={gapId}
            type="range"
            min={LAB_LIMITS.gap.min}
            max={LAB_LIMITS.gap.max}
            step={1}
            value={Number.isFinite(s.gap) ? s.gap : LAB_LIMITS.gap.min}
            onChange={(e) => set({ gap: Number(e.target.value) })}
          />
          <span className="lab-value" aria-hidden="true">
            {s.gap}
          </span>
        </div>
      )}
      <NumberField field="hidden" value={s.hidden} problem={problemFor('hidden')} onChange={(v) => set({ hidden: v })} />
      <NumberField field="lr" value={s.lr} problem={problemFor('lr')} onChange={(v) => set({ lr: v })} />
      <NumberField field="batch" value={s.batch} problem={problemFor('batch')} onChange={(v) => set({ batch: v })} />
      <NumberField field="seed" value={s.seed} problem={problemFor('seed')} onChange={(v) => set({ seed: v })} />
      <NumberField field="keepBias" value={s.keepBias} problem={problemFor('keepBias')} onChange={(v) => set({ keepBias: v })} hint={t('lab.keepBiasHint')} />
    </form>
  );
}
