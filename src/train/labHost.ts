/**
 * The lab's worker side: two LabRuns trained in turns, batch by batch, in slices of SLICE_MS,
 * with a progress message after each slice. Between slices the worker's event loop runs, so a
 * pause or a snapshot request is answered within a slice. The clock and the deferral are
 * injected: the tests drive a LabHost directly, as a fake worker, without threads or timers.
 */
import { toModelFile } from '../models/write-format';
import { LANGUAGES_ZH } from './labels';
import { LabRun, labData } from './lab';
import { labProblems, type LabPoint, type LabProbe } from './labSettings';
import type { LabCommand, LabEvent, RunProgress } from './labProtocol';

/** A slice of training between two looks at the message queue. */
export const SLICE_MS = 40;
/** A point (held-out accuracy and the probe) every this many examples of each run. */
export const EVAL_EVERY = 250;
/** Training pauses by itself here (a tab left open must not train forever). */
const MAX_LAB_EXAMPLES = 200_000;

interface LabClock {
  now(): number;
  /** Runs fn after pending messages (setTimeout 0 in the worker). */
  defer(fn: () => void): void;
}

interface Slot {
  readonly run: LabRun;
  points: LabPoint[];
  probe: LabProbe | null;
  nextEval: number;
  /** Milliseconds spent in this run's training steps (for its own sequences per second). */
  busyMs: number;
}

export class LabHost {
  private slots: Slot[] = [];
  private running = false;
  private scheduled = false;
  private rate = 0;
  private rateMark: { t: number; seen: number } | null = null;
  private stopped: 'limit' | 'diverged' | null = null;

  constructor(
    private readonly post: (e: LabEvent) => void,
    private readonly clock: LabClock,
  ) {}

  handle(cmd: LabCommand): void {
    try {
      this.dispatch(cmd);
    } catch (e) {
      this.running = false;
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private dispatch(cmd: LabCommand): void {
    switch (cmd.type) {
      case 'reset': {
        const problems = labProblems(cmd.settings);
        if (problems.length) throw new Error(`bad settings: ${problems.map((p) => p.field).join(', ')}`);
        this.running = false;
        this.stopped = null;
        this.rate = 0;
        this.rateMark = null;
        const data = labData(cmd.settings);
        this.slots = cmd.settings.kinds.map((kind) => {
          const run = new LabRun(data, kind);
          return { run, points: [run.point()], probe: run.probe(), nextEval: EVAL_EVERY, busyMs: 0 };
        });
        const k = data.kernel;
        this.post({ type: 'ready', settings: cmd.settings, labels: k.labels, metric: k.metric, baseline: k.baseline, heldout: k.heldoutCount });
        this.flush();
        return;
      }
      case 'start':
        this.needRuns();
        if (this.live().length === 0 || this.atLimit()) {
          this.flush();
          return;
        }
        this.running = true;
        this.stopped = null;
        this.rateMark = { t: this.clock.now(), seen: this.slots[0]!.run.seen };
        this.schedule();
        return;
      case 'pause':
        this.running = false;
        this.rate = 0;
        this.flush();
        return;
      case 'step':
        this.needRuns();
        this.running = false;
        this.rate = 0;
        for (const s of this.live()) {
          s.run.step();
          this.measure(s, true);
        }
        this.flush();
        return;
      case 'snapshot': {
        this.needRuns();
        const s = this.slots[cmd.run]!;
        this.post({ type: 'snapshot', request: cmd.request, run: cmd.run, seen: s.run.seen, file: labModelFile(s.run) });
        return;
      }
    }
  }

  private needRuns(): void {
    if (this.slots.length !== 2) throw new Error('the lab has no runs yet (reset first)');
  }

  private live(): Slot[] {
    return this.slots.filter((s) => s.run.divergedAt === null);
  }

  private atLimit(): boolean {
    return this.live().every((s) => s.run.seen >= MAX_LAB_EXAMPLES);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.defer(() => {
      this.scheduled = false;
      if (this.running) this.slice();
    });
  }

  /** Batches in turns until the slice's time is up, then one progress message. */
  private slice(): void {
    const t0 = this.clock.now();
    do {
      for (const s of this.live()) {
        const a = this.clock.now();
        s.run.step();
        s.busyMs += this.clock.now() - a;
        this.measure(s, false);
      }
    } while (this.running && this.live().length > 0 && !this.atLimit() && this.clock.now() - t0 < SLICE_MS);
    const now = this.clock.now();
    const seen = this.slots[0]!.run.seen;
    if (this.rateMark && now > this.rateMark.t) {
      // Smoothed over about a second, so the readout does not flicker from slice to slice.
      const r = ((seen - this.rateMark.seen) * 1000) / (now - this.rateMark.t);
      this.rate = this.rate === 0 ? r : 0.8 * this.rate + 0.2 * r;
    }
    this.rateMark = { t: now, seen };
    if (this.live().length === 0) this.stop('diverged');
    else if (this.atLimit()) this.stop('limit');
    this.flush();
    if (this.running) this.schedule();
  }

  private stop(why: 'limit' | 'diverged'): void {
    this.running = false;
    this.stopped = why;
    this.rate = 0;
  }

  /** A point and a probe when the run crossed the next EVAL_EVERY (or always, after a manual step). */
  private measure(s: Slot, always: boolean): void {
    if (s.run.divergedAt !== null) return;
    if (!always && s.run.seen < s.nextEval) return;
    s.points.push(s.run.point());
    s.probe = s.run.probe();
    while (s.nextEval <= s.run.seen) s.nextEval += EVAL_EVERY;
  }

  private flush(): void {
    if (this.slots.length !== 2) return;
    const runs = this.slots.map((s): RunProgress => {
      const p: RunProgress = { kind: s.run.kind, seen: s.run.seen, divergedAt: s.run.divergedAt, points: s.points, probe: s.probe, busyMs: s.busyMs };
      s.points = [];
      s.probe = null;
      return p;
    }) as [RunProgress, RunProgress];
    this.post({ type: 'progress', running: this.running, rate: this.rate, stopped: this.stopped, runs });
  }
}

/**
 * A run's weights as a model file, every digit kept, labelled with where it came from: what the
 * lab's Download saves and `npm run train -- --task lab` writes.
 */
export function labModelFile(run: LabRun): Record<string, unknown> {
  const st = run.data.settings;
  const k = run.data.kernel;
  const last = run.heldoutScore();
  const seen = run.seen.toLocaleString('en');
  const measure =
    k.metric === 'accuracy'
      ? { en: `held-out accuracy ${Math.round(last.value * 1000) / 10}%`, zh: `留出集准确率 ${Math.round(last.value * 1000) / 10}%` }
      : {
          en: `held-out mean squared error ${last.value.toPrecision(3)} (next = current: ${k.baseline.toPrecision(3)})`,
          zh: `留出集均方误差 ${last.value.toPrecision(3)}（“下一个 = 当前”：${k.baseline.toPrecision(3)}）`,
        };
  const task = {
    memory: { en: `memory, gap ${st.gap}`, zh: `长程记忆，间隔 ${st.gap}` },
    sentiment: { en: 'sentiment', zh: '情感' },
    wave: { en: 'time series (sum of sines)', zh: '时间序列（正弦之和）' },
  }[st.task];
  return toModelFile(
    run.model,
    {
      caption: {
        en: `Trained here: ${task.en}, ${run.kind}, ${seen} examples seen, ${measure.en}.`,
        zh: `在此训练：${task.zh}，${run.kind}，已见 ${run.seen} 个样本，${measure.zh}。`,
      },
      labelsZh: st.task === 'memory' ? LANGUAGES_ZH : st.task === 'sentiment' ? ['负面', '正面'] : ['下一个值'],
      presets: [k.probeText],
      report: {
        lab: st,
        kind: run.kind,
        seen: run.seen,
        metric: k.metric,
        heldout: last.value,
        heldoutLoss: last.loss,
        baseline: k.baseline,
        heldoutExamples: k.heldoutCount,
        divergedAt: run.divergedAt,
        ...(k.metric === 'accuracy' ? { heldoutAccuracy: last.value } : { heldoutMse: last.value }),
      },
    },
    'exact',
  );
}
