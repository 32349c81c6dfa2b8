import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from './StoreContext';

interface MenuState {
  open: boolean;
  setOpen: (open: boolean) => void;
  id: string;
  button: RefObject<HTMLButtonElement | null>;
}

/** The Controls menu's state, shared by its button (in the header) and its region (under it). */
export function useControlsMenu(): MenuState {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  return { open, setOpen, id, button };
}

/**
 * A disclosure button: on a phone the page's choices (cell type, model, view, playback,
 * language, theme, sharing) are behind it, so that the first screen is the figure.
 */
export function ControlsMenuButton({ menu }: { menu: MenuState }) {
  const t = useT();
  return (
    <button
      ref={menu.button}
      type="button"
      className="menu-button"
      aria-expanded={menu.open}
      aria-controls={menu.id}
      onClick={() => menu.setOpen(!menu.open)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menu.open) menu.setOpen(false);
      }}
    >
      {t('menu.controls')} <span aria-hidden="true">{menu.open ? '▴' : '▾'}</span>
    </button>
  );
}

/**
 * What the button shows and hides: in the page's flow under the header (it pushes the figure
 * down rather than covering it). Escape, or its Close button at the end (a long list on a phone,
 * the header scrolled away), closes it and gives the focus back to the button.
 */
export function ControlsMenuRegion({ menu, children }: { menu: MenuState; children: ReactNode }) {
  const t = useT();
  const close = () => {
    menu.setOpen(false);
    menu.button.current?.focus();
  };
  return (
    <section
      id={menu.id}
      className="controls-menu"
      aria-label={t('menu.controls')}
      hidden={!menu.open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      {children}
      <button type="button" className="menu-close" onClick={close}>
        {t('menu.close')}
      </button>
    </section>
  );
}
