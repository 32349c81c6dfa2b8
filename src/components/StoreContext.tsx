import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import { translator, type Translate } from '../i18n';
import type { GatescopeStore } from '../store/store';
import type { GatescopeState } from '../store/types';

/** The store is passed down, not imported, so each embed, test or story can have its own. */
export const StoreContext = createContext<GatescopeStore | null>(null);

export function useGatescope<T>(selector: (s: GatescopeState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useGatescope must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}

export function useT(): Translate {
  const lang = useGatescope((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}
