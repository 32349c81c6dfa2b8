/**
 * The view slice: which view, the reader's language and theme, embed mode and the panels it
 * hides, the host's deck and origins, and each view's own knobs (diagram units, comparison row,
 * gradient flow, translate step). Plain values and their setters; nothing here computes traces.
 */
import { DEFAULTS, defaultHidden } from './defaults';
import type { StoreOptions } from './options';
import type { GetState, SetState, ViewSlice } from './types';

export function createViewSlice(set: SetState, get: GetState, opts: StoreOptions): ViewSlice {
  const embed = opts.embed ?? DEFAULTS.embed;
  return {
    view: opts.view ?? DEFAULTS.view,
    lang: opts.lang ?? DEFAULTS.lang,
    theme: opts.theme ?? DEFAULTS.theme,
    embed,
    presenter: opts.presenter ?? DEFAULTS.presenter,
    hidden: opts.hidden ?? defaultHidden(embed),
    deck: opts.deck ?? DEFAULTS.deck,
    origins: opts.origins ?? DEFAULTS.origins,
    diagramUnits: null,
    compareKind: opts.compareKind ?? DEFAULTS.compareKind,
    flow: {
      fillers: opts.fillers ?? DEFAULTS.flow.fillers,
      forgetBias: opts.forgetBias ?? DEFAULTS.flow.forgetBias,
      from: opts.flowFrom ?? DEFAULTS.flow.from,
    },
    translateStep: opts.translateStep ?? DEFAULTS.translateStep,
    translateAttention: opts.translateAttention ?? DEFAULTS.translateAttention,
    lesson: opts.lesson ?? null,
    // Opening the lesson notes the reader's edits so far: one typed after it, before its code
    // has loaded and put the first chapter on screen, is theirs to keep.
    lessonOpenedAt: 0,
    setLesson: (lesson) => set((s) => (s.lesson === null && lesson !== null ? { lesson, lessonOpenedAt: s.textEdits } : { lesson })),
    present: opts.present ?? false,
    setPresent: (present) => set({ present }),
    setView: (view) => set({ view }),
    setHidden: (hidden) => set({ hidden }),
    setDiagramUnits: (diagramUnits) => set({ diagramUnits }),
    setCompareKind: (compareKind) => set({ compareKind }),
    setFlow: (change) => set({ flow: { ...get().flow, ...change } }),
    setTranslateStep: (translateStep) => set({ translateStep }),
    setTranslateAttention: (translateAttention) => set({ translateAttention }),
    setLang: (lang) => set({ lang }),
    setTheme: (theme) => set({ theme }),
  };
}
