/**
 * The shipped time-series models (`wave-<kind>`, `npm run train -- --task wave --all`): the
 * lab's wave task (labTasks.ts) with fixed settings and budget, so the app opens a trained
 * model that reads numbers. Reported next to "next = current" on the same held-out windows.
 */
import { toModelFile } from '../models/write-format';
import type { LabRun } from './lab';
import { LAB_TASK_DEFAULTS, type LabSettings } from './labSettings';
import { naiveMse, waveWindows, windowTokens, WAVE_LENGTH } from './data/wave';
import { drinksWindows } from './data/drinks';
import { meanMse } from './regression';
import type { ScalarModel } from './network';

export const WAVE_SHIPPED: LabSettings = { ...LAB_TASK_DEFAULTS.wave, hidden: 12, seed: 0 };
export const WAVE_SHIPPED_EXAMPLES = 8000;

/** A pure sine, for the preset beside the held-out windows: what a noiseless series looks like. */
function sineText(n = 48, period = 20): string {
  return Array.from({ length: n }, (_, t) => String(Math.round(0.8 * Math.sin((2 * Math.PI * t) / period) * 1000) / 1000)).join(', ');
}

/**
 * `drinks`: the normalised real series (data/drinks.ts), when given: scored on every window and
 * its first window (from January 1993) added to the presets.
 */
export function waveModelFile(run: LabRun, drinks?: { months: readonly string[]; values: readonly number[] }): Record<string, unknown> {
  const k = run.data.kernel;
  const mse = run.heldoutScore().value;
  const kind = run.kind;
  // Presets: the kernel's probe window (held out), another held-out window, a pure sine.
  const other = waveWindows(2, 99_001, 'test')[1]!;
  const m = { ...run.model, id: `wave-${kind}` };
  const real = drinks ? drinksWindows(drinks.values, WAVE_LENGTH) : [];
  const realScore = real.length ? { drinksWindows: real.length, drinksFrom: drinks!.months[0], drinksMse: meanMse(run.model as ScalarModel, real), drinksNaiveMse: naiveMse(real) } : {};
  return toModelFile(m, {
    caption: {
      en: `Predicts the next value of a sum of two sines with noise, one number at a time. Held-out mean squared error ${mse.toPrecision(3)}, against ${k.baseline.toPrecision(3)} for "the next value is the current one". Watch the prediction turn before the series does.`,
      zh: `逐个读取数字，预测两个正弦波加噪声之和的下一个值。留出集均方误差 ${mse.toPrecision(3)}，“下一个值 = 当前值”为 ${k.baseline.toPrecision(3)}。留意预测在序列转向之前就开始转向。`,
    },
    labelsZh: ['下一个值'],
    presets: [k.probeText, windowTokens(other).join(', '), sineText(), ...(real.length ? [real[0]!.xs.join(', ')] : [])],
    report: { task: 'wave', kind, settings: WAVE_SHIPPED, trainExamples: run.seen, heldoutWindows: k.heldoutCount, heldoutMse: mse, naiveMse: k.baseline, ...realScore },
  });
}
