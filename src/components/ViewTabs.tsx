import type { ViewName } from '../store/types';
import { switching } from '../store/store';
import { VIEWS } from '../store/urlParams';
import { useGatescope, useT } from './StoreContext';
import { lazy, Suspense, useRef, type ComponentType } from 'react';
import { useSwipeStep } from './useSwipeStep';
import { CellView } from './views/CellView';

// The cell diagram is what a student sees first; the other views load when their tab is opened,
// which keeps the first download small (the gradient view brings the BPTT code, for one).
const PANELS: Record<ViewName, ComponentType> = {
  cell: CellView,
  unrolled: lazy(() => import('./views/UnrolledView').then((m) => ({ default: m.UnrolledView }))),
  heatmap: lazy(() => import('./views/HeatmapView').then((m) => ({ default: m.HeatmapView }))),
  gradient: lazy(() => import('./views/GradientView').then((m) => ({ default: m.GradientView }))),
  train: lazy(() => import('./views/TrainView').then((m) => ({ default: m.TrainView }))),
  translate: lazy(() => import('./views/TranslateView').then((m) => ({ default: m.TranslateView }))),
};

/**
 * The views as WAI-ARIA tabs: arrow keys move between tabs, the panel follows. `onPicked`: a
 * tab was clicked (or pressed), not arrowed to (the Controls menu closes on it, App).
 */
export function ViewTabList({ onPicked }: { onPicked?: () => void }) {
  const t = useT();
  const view = useGatescope((s) => s.view);
  const setView = useGatescope((s) => s.setView);
  const onKey = (e: React.KeyboardEvent) => {
    const k = VIEWS.indexOf(view);
    const next = e.key === 'ArrowRight' ? k + 1 : e.key === 'ArrowLeft' ? k - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const v = VIEWS[(next + VIEWS.length) % VIEWS.length]!;
    setView(v);
    document.getElementById(`tab-${v}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t('views')} className="tabs" onKeyDown={onKey}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={v === view}
          aria-controls="view-panel"
          tabIndex={v === view ? 0 : -1}
          className={v === view ? 'tab selected' : 'tab'}
          onClick={() => {
            setView(v);
            onPicked?.();
          }}
        >
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * The open view. `tabs`: its tab list above it ('here'), in the Controls menu on a phone
 * ('apart': App renders ViewTabList there, and the panel is still the tabs' tabpanel), or none
 * (a slide that hides them: the panel is a region named by its view). `swipe`: a finger swiped
 * sideways across it steps the sentence (a phone).
 */
export function ViewTabs({ tabs = 'here', swipe = false }: { tabs?: 'here' | 'apart' | 'none'; swipe?: boolean }) {
  const t = useT();
  const view = useGatescope((s) => s.view);
  const Panel = PANELS[view];
  // The views of the page's model wait for the model the page opens on (the lab and the
  // translation have their own): one render of the figure, with the right numbers.
  const opening = useGatescope((s) => (view === 'train' || view === 'translate' ? null : s.opening));
  // Another model picked and on its way: the figure still draws the model on screen, dimmed and
  // named as loading (main[data-switching] in styles.css), never its numbers under the new name.
  const loadingId = useGatescope((s) => (view === 'train' || view === 'translate' || !switching(s) ? null : s.loading));
  const panel = useRef<HTMLDivElement>(null);
  // The lab and the translation step their own things, not the page's sentence.
  useSwipeStep(panel, swipe && view !== 'train' && view !== 'translate');
  const tabbed = tabs !== 'none';
  return (
    <section className="views">
      {tabs === 'here' && <ViewTabList />}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is a tabpanel (named by its tab) or a region (named here). */}
      <div
        ref={panel}
        role={tabbed ? 'tabpanel' : 'region'}
        aria-label={tabbed ? undefined : t(`view.${view}`)}
        id="view-panel"
        aria-labelledby={tabbed ? `tab-${view}` : undefined}
        className="view-panel"
      >
        {/* The view's name as a heading, for the outline: the diagram's h3s sit under it. */}
        <h2 className="visually-hidden">{t(`view.${view}`)}</h2>
        {/* Said once, by the side column's live region (ModelStatus); here it is for the eye. */}
        {loadingId !== null && opening === null && (
          <p className="switching-label" aria-hidden="true">
            {t('model.loading', { id: loadingId })}
          </p>
        )}
        {opening !== null ? (
          <p className="loading opening" role="status">
            {t('model.loading', { id: opening })}
          </p>
        ) : (
          <Suspense fallback={<p className="loading">{t('loading')}</p>}>
            <Panel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
