import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTestFile, moduleGraph, tsFiles, usedExports } from './testing/moduleGraph';

/**
 * Every export has a user: an export nobody imports is code the reader must keep in mind for
 * nothing, and it hides dead code from TypeScript's unused checks. Users are the app, the
 * scripts and the configs; tests (src, scripts, e2e) count only for the test helpers they share
 * (src/testing, e2e's helpers), since an export kept alive by its own test alone is not used.
 */
const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const name = (f: string) => relative(ROOT, f).split(/[\\/]/).join('/');
const isTestCode = (f: string) => isTestFile(f) || name(f).startsWith('e2e/') || name(f).startsWith('src/testing/');

/**
 * Exports only tests import, by file, from before the check existed: each is to become
 * module-private (its test going through what the app uses) or move beside the tests. The list
 * may only shrink.
 */
const ONLY_TESTS_USE: Readonly<Record<string, readonly string[]>> = {
  'src/components/unrolled/ChainRow.tsx': ['chainCellName'],
  'src/engine/grad/jacobian.ts': ['denseBlockJacobian'],
  'src/engine/importers/export.ts': ['toCanonical'],
  'src/engine/index.ts': ['stepCost'],
  'src/engine/kinds/index.ts': ['RnnParams', 'RELU_CAP'],
  // The relu RNN's cap on h: what the property tests check the step against.
  'src/engine/kinds/rnn.ts': ['RELU_CAP'],
  // Every question, and a wrong answer to each: what the lesson's tests walk (the page asks by id).
  'src/lesson/questions.ts': ['QUESTIONS', 'wrongAnswer'],
  'src/models/onnx.ts': ['decodeOnnx', 'RawModel', 'onnxToModelFile'],
  'src/models/onnxProto.ts': ['RawModel'],
  'src/models/safetensors.ts': ['stateDictToModelFile', 'writeSafetensors'],
  'src/selectors/compare.ts': ['demoTraces', 'createCompareRowSelector'],
  'src/store/modelReader.ts': ['READ_IN_WORKER_CHARS', 'READ_IN_WORKER_BYTES'],
  'src/store/readerPrefs.ts': ['readerLang'],
  'src/store/sentenceTraces.ts': ['SYNC_COST', 'SLICE_COST'],
  'src/store/store.ts': ['MAX_TEXT_CHARS', 'Scheduler'],
  'src/store/urlParams.ts': ['WELCOME', 'WELCOME_ZH'],
  'src/text/visible.ts': ['SPACE_SIGN'],
  'src/train/adam.ts': ['globalNorm'],
  'src/train/data/austen.ts': ['chapterRole'],
  'src/train/data/memory.ts': ['FIXED_FILLER', 'FILLER_WHEN', 'FILLER_WHO', 'FILLER_DID', 'FILLER_WHERE'],
  'src/train/data/reviews.ts': ['REVIEW_MAX_TOKENS'],
  'src/train/data/translate.ts': ['CLAUSES', 'pairOf', 'roleOfPair'],
  'src/train/lab.ts': ['setKeepBias'],
  'src/train/labHost.ts': ['SLICE_MS', 'EVAL_EVERY'],
  'src/train/labTasks.ts': ['LAB_TASK_DEFS', 'waveModel'],
  'src/train/loss.ts': ['nll'],
  'src/train/regression.ts': ['windowMse'],
  'src/train/seq2seq.ts': ['zeroSeq2SeqGrads', 'seq2seqGradArrays', 'accumulateSeq2SeqGrads'],
  'src/train/tasks.ts': ['SEED', 'SENTIMENT_TRAIN', 'SENTIMENT_HELDOUT', 'SENTIMENT_VALIDATION', 'MEMORY_HELDOUT_PER_GAP', 'MEMORY_VALIDATION_PER_GAP', 'MEMORY_EVAL_GAPS'],
  'src/viz/cellLayout.ts': ['LayoutOptions'],
  'src/viz/cellLayoutBuilder.ts': ['WIDTH', 'GRID_STEPS'],
  'src/viz/collapsedStrip.ts': ['bandLevel'],
  'src/viz/colors.ts': ['valueRgb', 'luminance', 'contrast'],
  'src/viz/gradientFlow.ts': ['withForgetBias'],
  'src/viz/kinds/index.ts': ['FIGURES'],
  'src/viz/labCharts.ts': ['shortCount', 'GRAD_FLOOR'],
  'src/viz/predictions.ts': ['predictionsOverSentence'],
  'src/viz/stages.ts': ['MAX_SEQUENCE_MS', 'MIN_STAGE_MS'],
  'src/viz/unrolledLayout.ts': ['CONDENSE_AFTER', 'SLIDE_UNITS'],
  'src/viz/vectors.ts': ['parseShown'],
  'scripts/conformance-lib.ts': ['isVectorFile', 'findJsonFiles', 'checkVector', 'checkFile', 'formatResult'],
  'scripts/pytorch-agreement.ts': ['DIR', 'Expected', 'readJson', 'fixtureFiles', 'fixtureNames', 'onnxFilesOf', 'modelFromSafetensors', 'modelFromOnnx', 'worstDiff'],
  'scripts/tfjs-ref.ts': ['tfjsRun'],
  'scripts/urlArgs.ts': ['parseUrlsAndRuns'],
};

/**
 * Modules built for other people's pages (vite.config.ts, elementLibrary): their exports are used
 * there, by `import RevealGatescope from '…/reveal-gatescope.js'`, never inside this repository.
 */
const PUBLISHED: Readonly<Record<string, readonly string[]>> = {
  'src/element/reveal.ts': ['default'],
  // Called by the build (scripts/vite-prerender.ts) in the server bundle it makes of this file.
  'src/prerender/firstScreen.tsx': ['renderFirstScreen'],
};

function graph() {
  const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'scripts')), ...tsFiles(join(ROOT, 'e2e')), join(ROOT, 'vite.config.ts'), join(ROOT, 'playwright.config.ts')];
  return moduleGraph(files);
}

describe('no unused exports', () => {
  const g = graph();
  const byApp = usedExports(g, (f) => !isTestCode(f));
  const byAny = usedExports(g, () => true);
  const exportsOf = (pick: (f: string) => boolean) => [...g].filter(([f]) => pick(f) && !f.endsWith('.config.ts')).flatMap(([f, m]) => m.exports.map((n) => ({ file: name(f), n, key: `${f}#${n}` })));

  it('every export of the app and the scripts is imported by another file', () => {
    expect(
      exportsOf((f) => !isTestCode(f))
        .filter((e) => !byAny.has(e.key) && !PUBLISHED[e.file]?.includes(e.n))
        .map((e) => `${e.file}: ${e.n}`),
    ).toEqual([]);
  });

  it('every export of a test helper is imported by a test', () => {
    const helpers = (f: string) => isTestCode(f) && !isTestFile(f);
    expect(
      exportsOf(helpers)
        .filter((e) => !byAny.has(e.key))
        .map((e) => `${e.file}: ${e.n}`),
    ).toEqual([]);
  });

  it('an export only tests import is on the shrinking list, and the list holds only such exports', () => {
    const onlyTests = exportsOf((f) => !isTestCode(f)).filter((e) => byAny.has(e.key) && !byApp.has(e.key));
    const listed = new Set(Object.entries(ONLY_TESTS_USE).flatMap(([f, ns]) => ns.map((n) => `${f}: ${n}`)));
    const found = new Set(onlyTests.map((e) => `${e.file}: ${e.n}`));
    expect(
      [...found].filter((k) => !listed.has(k)),
      'make these private, or move them beside the tests',
    ).toEqual([]);
    expect(
      [...listed].filter((k) => !found.has(k)),
      'the app uses these now, or they are gone: strike them from ONLY_TESTS_USE',
    ).toEqual([]);
  });

  it('the check follows a barrel to the module that declares a name', () => {
    const m = (file: string, exports: string[], edges: { to: string; names: string[]; reExport: boolean }[]) => ({
      file,
      exports,
      edges: edges.map((e) => ({ ...e, typeOnly: false, dynamic: false })),
    });
    const toy = new Map([
      ['app', m('app', [], [{ to: 'index', names: ['a'], reExport: false }])],
      ['index', m('index', [], [{ to: 'lib', names: ['*'], reExport: true }])],
      ['lib', m('lib', ['a', 'b'], [])],
    ]);
    expect([...usedExports(toy, () => true)]).toEqual(['lib#a']);
  });
});
