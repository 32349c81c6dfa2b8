/** English strings of the handouts: the figure as an image for print, a one-page PDF, the clipboard. */
export const enHandout = {
  'export.pdf': 'Handout as PDF (one page)',
  'export.copy': 'Copy figure as image',
  'export.copied': 'The figure is on the clipboard as an image (PNG, 2×).',
  'export.copyUnavailable': 'This browser cannot put images on the clipboard here (it needs a secure page, https or localhost). Download the PNG instead.',
  'export.copyRefused': 'The browser refused to copy the image ({reason}). Download the PNG instead.',
  'handout.sentence': 'Sentence: “{text}”',
  'handout.model': 'Model: {model} · {kind} cell',
  'handout.layer': 'layer {layer} of {layers}',
  'handout.equations': 'The cell’s equations at this step, with the numbers of unit {unit}',
  'handout.noEquations': 'This view steps its own cells; its equations are in the app.',
  'handout.footer': 'Made with Gatescope · {link}',
} as const;
