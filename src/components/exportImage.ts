/**
 * Export a diagram as a self-contained SVG or a PNG for slides. The on-screen SVG takes its
 * colours and fonts from CSS (variables, themes), which a standalone file would lose, so the
 * clone gets every presentational property inlined from the computed style.
 */
const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'alignment-baseline', 'visibility', 'display', 'paint-order', 'marker-end', 'marker-start',
] as const;

export interface ExportOptions {
  /** A background colour, or null for transparent. */
  readonly background: string | null;
}

function inlineStyles(src: Element, dst: Element) {
  const cs = getComputedStyle(src);
  const style = PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
  dst.setAttribute('style', style);
  for (let k = 0; k < src.children.length; k++) inlineStyles(src.children[k]!, dst.children[k]!);
}

export function svgToString(svg: SVGSVGElement, opts: ExportOptions): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const width = vb && vb.width ? vb.width : box.width;
  const height = vb && vb.height ? vb.height : box.height;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Focus rings and hover state are not part of the figure.
  clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  if (opts.background) {
    const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    bg.setAttribute('x', String(vb?.x ?? 0));
    bg.setAttribute('y', String(vb?.y ?? 0));
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', opts.background);
    clone.insertBefore(bg, clone.firstChild);
  }
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** Renders the SVG to a PNG `targetWidth` pixels wide (1920: a full-HD slide). */
export async function svgToPng(svg: SVGSVGElement, opts: ExportOptions, targetWidth = 1920): Promise<Blob> {
  const { text, width, height } = svgToString(svg, opts);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the diagram could not be drawn as an image'));
      img.src = url;
    });
    const scale = targetWidth / width;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
