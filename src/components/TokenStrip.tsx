import { useEffect, useRef } from 'react';
import { visibleToken } from '../text/visible';
import { useGatescope, useT } from './StoreContext';

/** The sentence as steps: the current token is marked, and any token is a button to go there. */
export function TokenStrip() {
  const t = useT();
  const tokens = useGatescope((s) => s.embedded);
  const current = useGatescope((s) => s.t);
  const goTo = useGatescope((s) => s.goTo);
  const ref = useRef<HTMLOListElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the step is what moves the strip; the element is read from the DOM.
  useEffect(() => {
    // Keep the current token in view on long sentences, without moving the page. Measured in
    // the next frame, with the layout the browser does anyway: measuring right after the step's
    // DOM writes forced a second, synchronous layout of the whole page (with a 128-unit values
    // table, 40 ms).
    const id = requestAnimationFrame(() => {
      const el = ref.current?.querySelector<HTMLElement>('[aria-current="step"]');
      if (el && ref.current) {
        const box = ref.current;
        const left = el.offsetLeft - box.clientWidth / 2 + el.clientWidth / 2;
        if (Math.abs(box.scrollLeft - left) > 1 && box.scrollWidth > box.clientWidth) box.scrollTo({ left, behavior: 'auto' });
      }
    });
    return () => cancelAnimationFrame(id);
  }, [current]);

  return (
    <ol className="token-strip" aria-label={t('tokens')} ref={ref}>
      {tokens.map((tok, k) => (
        <li key={k}>
          <button
            type="button"
            className={['token', k === current ? 'current' : '', k < current ? 'past' : '', tok.unknown ? 'unknown' : ''].join(' ')}
            aria-current={k === current ? 'step' : undefined}
            onClick={() => goTo(k)}
            title={tok.unknown ? `${tok.token} → <unk>` : undefined}
          >
            <span className="tok-t">{k}</span>
            <span className="tok-text">{visibleToken(tok.token)}</span>
            {/* What the model reads: a word outside its vocabulary is the <unk> token. */}
            {tok.unknown && <span className="tok-unk">{'<unk>'}</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
