/** The link and the ready-to-paste iframe for the current state. */
import type { GatescopeState } from '../store/types';
import { kindOf } from '../store/store';
import { writeUrlParams } from '../store/urlParams';

export function shareLink(s: GatescopeState, base: string): string {
  return `${base}${writeUrlParams(s)}`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 16:9 at 960×540 fits a slide; the iframe names itself for screen readers. */
export function embedSnippet(s: GatescopeState, base: string): string {
  const src = shareLink({ ...s, embed: true, hidden: s.embed ? s.hidden : ['header', 'input', 'cells', 'info', 'tabs', 'table'] }, base);
  const title = `Gatescope: ${kindOf(s).toUpperCase()} on “${s.text.slice(0, 60)}”`;
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="960" height="540" style="border:0;max-width:100%;aspect-ratio:16/9" loading="lazy" allow="clipboard-write; fullscreen" referrerpolicy="no-referrer"></iframe>`;
}
