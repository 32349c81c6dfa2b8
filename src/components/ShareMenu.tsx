import { useId, useState } from 'react';
import { embedSnippet, shareLink } from '../embed/snippet';
import { tracesWhenDone } from '../store/sentenceTraces';
import { kindOf } from '../store/store';
import { stackOf } from '../engine';
import { partsToString, type Figure } from './exportImage';
import { HandoutActions } from './handout/HandoutActions';
import { figureParts } from '../shared/figures';
import { traceToCsv, traceToJson } from '../viz/exportTrace';
import { useGatescope, useGatescopeStore, useT } from './StoreContext';
import type { GatescopeState } from '../store/types';

function pageBase(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

function download(name: string, type: string, body: string) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The whole run (every step, not just those visited), without moving the student's step; a
 * large model's run comes in slices, as the heatmaps' does (and is shared with them).
 */
async function fullExport(s: GatescopeState) {
  const layers = await tracesWhenDone(stackOf(s.model), s.embedded);
  return { model: s.model.id, cell: kindOf(s), tokens: s.embedded, layers };
}

/**
 * Rows enough to show a link whole (up to four; longer ones scroll): the box is at most 560 px
 * wide, about 65 characters of its monospace text a line, broken anywhere (styles.css), and a
 * link of 61–120 characters shown in one row was cut through its second line.
 */
const CHARS_PER_ROW = 60;
function rowsFor(text: string): number {
  return Math.min(4, Math.max(1, Math.ceil(text.length / CHARS_PER_ROW)));
}

/** Share a link, copy an iframe for slides, or download the trace. */
export function ShareMenu() {
  const t = useT();
  // The menu reads the state when a button is pressed; it re-renders only when "empty" changes.
  const store = useGatescopeStore();
  const empty = useGatescope((s) => s.tokens.length === 0);
  const [shown, setShown] = useState<{ label: string; text: string; warning?: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [transparent, setTransparent] = useState(false);
  const [menu, setMenu] = useState(false);
  const menuId = useId();

  const offer = async (label: string, text: string, warning?: string) => {
    setShown({ label, text, ...(warning ? { warning } : {}) });
    setCopied(false);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the text stays selectable.
    }
  };

  const exportTrace = async (kind: 'json' | 'csv') => {
    const state = store.getState();
    const e = await fullExport(state);
    const name = `gatescope-${kindOf(state)}-trace.${kind}`;
    if (kind === 'json') download(name, 'application/json', traceToJson(e));
    else download(name, 'text/csv', traceToCsv(e));
  };

  /**
   * The figure of the open view: the parts its components registered (the cell diagram and its
   * belt equation, chains, heatmaps, charts), composed into one with their titles.
   */
  const currentFigure = (opaque: boolean): Figure | null => {
    const background = transparent && !opaque ? null : getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff';
    const panel = document.getElementById('view-panel');
    if (!panel) return null;
    const parts = figureParts(panel);
    return parts.length ? partsToString(parts, { background }) : null;
  };

  return (
    <div className="share">
      <button
        type="button"
        onClick={() => {
          void offer(t('share.link'), shareLink(store.getState(), pageBase()));
        }}
      >
        {t('share')}
      </button>
      <button type="button" onClick={() => offer(t('share.embedCode'), embedSnippet(store.getState(), pageBase()))}>
        {t('embedAction')}
      </button>
      {/* The downloads in one menu, so the first screen is the figure and not a row of buttons. */}
      <button type="button" aria-expanded={menu} aria-controls={menuId} onClick={() => setMenu(!menu)}>
        {t('export.menu')} <span aria-hidden="true">▾</span>
      </button>
      <div
        id={menuId}
        className="export-menu"
        role="group"
        aria-label={t('export.menu')}
        hidden={!menu}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setMenu(false);
        }}
      >
        <button type="button" disabled={empty} onClick={() => void exportTrace('json')}>
          {t('export.json')}
        </button>
        <button type="button" disabled={empty} onClick={() => void exportTrace('csv')}>
          {t('export.csv')}
        </button>
        <HandoutActions figure={currentFigure} link={() => shareLink(store.getState(), pageBase())} disabled={empty} />
        <label className="check">
          <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} />
          {t('export.transparent')}
        </label>
      </div>
      {shown && (
        <div className="share-out">
          <label>
            {shown.label}
            <textarea readOnly value={shown.text} rows={rowsFor(shown.text)} onFocus={(e) => e.currentTarget.select()} />
          </label>
          {shown.warning && (
            <p className="message notice" role="alert">
              {shown.warning}
            </p>
          )}
          <span role="status">{copied ? t('share.copied') : t('share.copyManually')}</span>
          <button type="button" onClick={() => setShown(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
