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

/** The store itself, for event handlers that read the state when they run (no re-render). */
export function useGatescopeStore(): GatescopeStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useGatescopeStore must be used inside <StoreContext.Provider>');
  return store;
}

export function useT(): Translate {
  const lang = useGatescope((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}
