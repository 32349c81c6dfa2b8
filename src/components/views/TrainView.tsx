import { useEffect } from 'react';
import { LabControls, LabRuns } from '../lab/LabControls';
import { LabCurves } from '../lab/LabCurves';
import { LabForm } from '../lab/LabForm';
import { LabGates } from '../lab/LabGates';
import { LabGradients } from '../lab/LabGradients';
import { LabSeries } from '../lab/LabSeries';
import { useGatescope, useGatescopeStore, useT } from '../StoreContext';

/**
 * The training lab: settings, controls, and what the two runs do, live. Opening it starts the
 * worker; leaving it pauses training, so a background tab does not keep both cores busy.
 * In a slide (embed) only the controls, the two curves and the gradient panel show.
 */
export function TrainView() {
  const t = useT();
  const store = useGatescopeStore();
  const embed = useGatescope((s) => s.embed);
  useEffect(() => {
    store.getState().labOpen();
    return () => store.getState().labPause();
  }, [store]);
  return (
    <div className={embed ? 'lab embed' : 'lab'} data-testid="lab">
      {!embed && <p className="lab-intro">{t('lab.intro')}</p>}
      {!embed && <LabForm />}
      <LabControls />
      <LabRuns />
      <div className="lab-figures">
        <LabCurves />
        <LabSeries />
        <LabGradients />
        {!embed && <LabGates />}
      </div>
    </div>
  );
}
