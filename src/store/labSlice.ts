/**
 * The training lab's slice: the settings form, the two runs as the worker reports them, and the
 * commands. Training itself runs in a Web Worker (src/train/labWorker.ts); the page only appends
 * the points the worker sends, so it answers input while the cells learn. Tests pass a fake port.
 */
import { readModelFile } from '../models/format';
import { LAB_TASK_DEFAULTS, labProblems, type LabSettings } from '../train/labSettings';
import type { LabCommand, LabEvent } from '../train/labProtocol';
import { DEFAULTS } from './defaults';
import type { GetState, LabPort, LabPortFactory, LabRunState, LabSlice, LabState, SetState } from './types';

export const workerPort: LabPortFactory = () => new Worker(new URL('../train/labWorker.ts', import.meta.url), { type: 'module' }) as unknown as LabPort;

export function initialLab(opts: { settings?: Partial<LabSettings>; autostart?: boolean }): LabState {
  const task = opts.settings?.task ?? DEFAULTS.labTask;
  return {
    settings: { ...LAB_TASK_DEFAULTS[task], ...opts.settings },
    autostart: opts.autostart ?? false,
    status: 'off',
    runs: null,
    labels: [],
    metric: 'accuracy',
    baseline: null,
    heldout: 0,
    rate: 0,
    stopped: null,
    error: null,
  };
}

export function createLabSlice(set: SetState, get: GetState, makePort: LabPortFactory, initial: LabState): LabSlice {
  let port: LabPort | null = null;
  /** Progress sent before the worker read our latest reset belongs to the old runs. */
  let awaitingReady = false;
  let request = 0;
  const pending = new Map<number, { resolve: (v: { file: Record<string, unknown>; seen: number }) => void; reject: (e: Error) => void }>();
  const lab = () => get().lab;
  const patch = (p: Partial<LabState>) => set({ lab: { ...lab(), ...p } });

  const onEvent = (e: LabEvent) => {
    switch (e.type) {
      case 'ready':
        awaitingReady = false;
        patch({
          status: 'ready',
          labels: e.labels,
          metric: e.metric,
          baseline: e.baseline,
          heldout: e.heldout,
          error: null,
          stopped: null,
          rate: 0,
          runs: [0, 1].map((k) => ({ kind: e.settings.kinds[k]!, seen: 0, divergedAt: null, points: [], probe: null })) as unknown as [LabRunState, LabRunState],
        });
        if (lab().autostart) send({ type: 'start' });
        return;
      case 'progress': {
        const runs = lab().runs;
        if (awaitingReady || !runs) return;
        const next = runs.map((r, k) => {
          const p = e.runs[k]!;
          return { kind: r.kind, seen: p.seen, divergedAt: p.divergedAt, points: p.points.length ? [...r.points, ...p.points] : r.points, probe: p.probe ?? r.probe };
        }) as unknown as [LabRunState, LabRunState];
        const trained = next[0].seen > 0 || next[1].seen > 0;
        patch({ runs: next, rate: e.rate, stopped: e.stopped, status: e.running ? 'running' : e.stopped ? 'stopped' : trained ? 'paused' : 'ready' });
        return;
      }
      case 'snapshot': {
        const p = pending.get(e.request);
        pending.delete(e.request);
        p?.resolve({ file: e.file, seen: e.seen });
        return;
      }
      case 'error':
        patch({ error: e.message, status: lab().runs ? 'paused' : 'off' });
        for (const p of pending.values()) p.reject(new Error(e.message));
        pending.clear();
        return;
    }
  };

  const send = (c: LabCommand) => {
    if (!port) {
      port = makePort();
      port.onmessage = (ev) => onEvent(ev.data);
    }
    port.postMessage(c);
  };

  const reset = () => {
    const s = lab().settings;
    if (labProblems(s).length) {
      // The form shows what is wrong; the old runs stop, since they no longer match the form.
      if (port) send({ type: 'pause' });
      patch({ status: 'off', runs: null, baseline: null, rate: 0 });
      return;
    }
    awaitingReady = true;
    patch({ status: 'off', error: null });
    send({ type: 'reset', settings: s });
  };

  return {
    lab: initial,
    labPartner: null,
    setLabSettings: (change) => {
      const cur = lab().settings;
      const settings =
        change.task && change.task !== cur.task ? { ...LAB_TASK_DEFAULTS[change.task], kinds: cur.kinds, ...(cur.starts ? { starts: cur.starts } : {}), ...change } : { ...cur, ...change };
      patch({ settings, autostart: false });
      if (port) reset();
    },
    labOpen: () => {
      if (!port) reset();
    },
    labStart: () => {
      if (lab().runs && !awaitingReady) send({ type: 'start' });
    },
    labPause: () => {
      if (port) send({ type: 'pause' });
    },
    labToggle: () => (lab().status === 'running' ? get().labPause() : get().labStart()),
    labStep: () => {
      if (lab().runs && !awaitingReady) send({ type: 'step' });
    },
    labReset: () => {
      patch({ autostart: false });
      reset();
    },
    labSnapshot: (run) =>
      new Promise((resolve, reject) => {
        if (!lab().runs) {
          reject(new Error('the lab has no runs yet'));
          return;
        }
        const id = ++request;
        pending.set(id, { resolve, reject });
        send({ type: 'snapshot', run, request: id });
      }),
    labUse: async (run) => {
      get().labPause();
      const [{ file }, other] = await Promise.all([get().labSnapshot(run), get().labSnapshot(run === 0 ? 1 : 0)]);
      const { model, meta } = readModelFile(file);
      const partner = readModelFile(other.file).model;
      set({ labPartner: partner });
      get().setCompareKind(partner.cell.kind);
      get().setModel(model, meta, { from: 'lab', name: model.id });
      const sentence = meta.presets[0];
      if (sentence) get().setText(sentence);
      get().goTo(get().tokens.length - 1);
      get().setView('cell');
    },
  };
}
