import { useState } from 'react';
import { kindOf } from '../../store/store';
import { copyImage, downloadBlob, type Figure } from '../exportImage';
import { useGatescopeStore, useT } from '../StoreContext';
import { handoutText } from './handoutText';

/** The handout code (canvas, PDF writer), fetched at the first press, not with the page. */
const handoutModule = () => import('./handout');

interface HandoutActionsProps {
  /** The open view's figure now: with an opaque background when `opaque`, else as the reader chose. */
  readonly figure: (opaque: boolean) => Figure | null;
  /** A link to this state of the app, printed at the foot of the PDF. */
  readonly link: () => string;
  readonly disabled: boolean;
}

/**
 * The figure at the current step as SVG, PNG (2× for print) and a one-page PDF handout, and a
 * copy of it on the clipboard: in the app's export menu and in a `<gate-scope controls="full">`.
 * Whatever fails says so in a message beside the buttons (never silently).
 */
export function HandoutActions({ figure, link, disabled }: HandoutActionsProps) {
  const t = useT();
  const store = useGatescopeStore();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const named = (ext: string) => {
    const s = store.getState();
    return `gatescope-${kindOf(s)}-${s.view}-t${s.t}.${ext}`;
  };
  const need = (opaque: boolean): Figure => {
    const fig = figure(opaque);
    if (!fig) throw new Error(t('export.none'));
    return fig;
  };
  const failed = (e: unknown) => setMessage({ ok: false, text: `${t('export.failed')}: ${e instanceof Error ? e.message : String(e)}` });

  const download = async (kind: 'svg' | 'png' | 'pdf') => {
    setMessage(null);
    try {
      if (kind === 'svg') {
        downloadBlob(named('svg'), new Blob([need(false).text], { type: 'image/svg+xml' }));
        return;
      }
      const fig = need(kind === 'pdf');
      const m = await handoutModule();
      const name = named(kind);
      if (kind === 'png') downloadBlob(name, await m.figurePng(fig));
      else downloadBlob(name, await m.handoutPdf(fig, handoutText(store.getState(), t, link())));
    } catch (e) {
      failed(e);
    }
  };

  const copy = async () => {
    setMessage(null);
    let fig: Figure;
    try {
      fig = need(false);
    } catch (e) {
      failed(e);
      return;
    }
    // Called before any await: the clipboard write must start inside the click.
    const r = await copyImage(handoutModule().then((m) => m.figurePng(fig)));
    if (r.ok) setMessage({ ok: true, text: t('export.copied') });
    else setMessage({ ok: false, text: r.why === 'unavailable' ? t('export.copyUnavailable') : t('export.copyRefused', { reason: r.reason }) });
  };

  return (
    <>
      <button type="button" disabled={disabled} onClick={() => void download('svg')}>
        {t('export.svg')}
      </button>
      <button type="button" disabled={disabled} onClick={() => void download('png')}>
        {t('export.png')}
      </button>
      <button type="button" disabled={disabled} onClick={() => void download('pdf')}>
        {t('export.pdf')}
      </button>
      <button type="button" disabled={disabled} onClick={() => void copy()}>
        {t('export.copy')}
      </button>
      {message && (
        <p className={message.ok ? 'message notice handout-message' : 'message error handout-message'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </>
  );
}
