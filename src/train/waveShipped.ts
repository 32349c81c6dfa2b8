/**
 * The shipped time-series models (`wave-<kind>`, `npm run train -- --task wave --all`): the
 * lab's wave task (labTasks.ts) with fixed settings and budget, so the app opens a trained
 * model that reads numbers. Reported next to "next = current" on the same held-out windows.
 */
import { toModelFile } from '../models/write-format';
import { LAB_TASK_DEFAULTS, type LabRun, type LabSettings } from './lab';
import { waveWindows, windowTokens } from './data/wave';

export const WAVE_SHIPPED: LabSettings = { ...LAB_TASK_DEFAULTS.wave, hidden: 12, seed: 0 };
export const WAVE_SHIPPED_EXAMPLES = 8000;

/** A pure sine, for the preset beside the held-out windows: what a noiseless series looks like. */
export function sineText(n = 48, period = 20): string {
  return Array.from({ length: n }, (_, t) => String(Math.round(0.8 * Math.sin((2 * Math.PI * t) / period) * 1000) / 1000)).join(', ');
}

export function waveModelFile(run: LabRun): Record<string, unknown> {
  const k = run.data.kernel;
  const mse = run.heldoutScore().value;
  const kind = run.kind;
  // Presets: the kernel's probe window (held out), another held-out window, a pure sine.
  const other = waveWindows(2, 99_001, 'test')[1]!;
  const m = { ...run.model, id: `wave-${kind}` };
  return toModelFile(m, {
    caption: {
      en: `Predicts the next value of a sum of two sines with noise, one number at a time. Held-out mean squared error ${mse.toPrecision(3)}, against ${k.baseline.toPrecision(3)} for "the next value is the current one". Watch the prediction turn before the series does.`,
      zh: `逐个读取数字，预测两个正弦波加噪声之和的下一个值。留出集均方误差 ${mse.toPrecision(3)}，“下一个值 = 当前值”为 ${k.baseline.toPrecision(3)}。留意预测在序列转向之前就开始转向。`,
    },
    labelsZh: ['下一个值'],
    presets: [k.probeText, windowTokens(other).join(', '), sineText()],
    report: { task: 'wave', kind, settings: WAVE_SHIPPED, trainExamples: run.seen, heldoutWindows: k.heldoutCount, heldoutMse: mse, naiveMse: k.baseline },
  });
}
