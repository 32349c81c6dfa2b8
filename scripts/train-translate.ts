/**
 * `npm run train -- --task translate [--cell k | --all]`: trains the encoder–decoders of
 * src/train/translateTask.ts and writes public/models/translate/translate-<kind>.json, each with
 * its report (held-out exact match and character accuracy, by length, beside the retrieval
 * baseline). Kept out of public/models/ itself, whose files are one-sequence models.
 *
 * `--task translate-attn`: the same with attention (translate-attn-<kind>.json); its report also
 * holds the shipped plain translate-<kind>'s scores on the very same sentences (`plain`), read
 * back from its file, so the two stand side by side.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellKind } from '../src/engine';
import { toSeq2SeqFile } from '../src/models/seq2seqFile';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { scoreByLength, trainTranslate } from '../src/train/translateTask';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function writeTranslateModels(kinds: readonly CellKind[], dir: string, attention = false): void {
  mkdirSync(dir, { recursive: true });
  for (const kind of kinds) {
    const t0 = performance.now();
    const name = attention ? `translate-attn-${kind}` : `translate-${kind}`;
    const { model, report, data } = trainTranslate(
      kind,
      undefined,
      (e, loss, val) => process.stderr.write(`${name} epoch ${e + 1}: loss ${loss.toFixed(4)}, validation exact ${pct(val)}\n`),
      attention,
    );
    const wallSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const plainPath = join(dir, `translate-${kind}.json`);
    const plain = attention && existsSync(plainPath) ? scoreByLength(readSeq2SeqFile(JSON.parse(readFileSync(plainPath, 'utf8'))).model, data).byLength : undefined;
    const one = data.heldout.find((p) => !p.src.includes('and'))!;
    const two = data.heldout.find((p) => p.src.includes('and'))!;
    const file = toSeq2SeqFile(model, {
      caption: {
        en: `Translates short English sentences into Chinese, one character per step. Held-out sentences (new combinations of known words): ${pct(report.heldout.exact)} exact, ${pct(report.heldout.chars)} of characters right.`,
        zh: `把简短的英语句子译成中文，每步写一个字。留出句子（已知词的新组合）：完全正确 ${pct(report.heldout.exact)}，逐字正确率 ${pct(report.heldout.chars)}。`,
      },
      presets: [one.src.join(' '), two.src.join(' '), 'i grew up in france'],
      report: { ...report, wallSeconds, ...(plain ? { plain } : {}) },
    });
    const text = JSON.stringify(file);
    writeFileSync(join(dir, `${model.id}.json`), `${text}\n`);
    const { lossCurve: _l, ...brief } = report;
    process.stdout.write(`${JSON.stringify({ id: model.id, ...brief, wallSeconds, bytes: text.length })}\n`);
  }
}
