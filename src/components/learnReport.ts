import { learnData, type LearnData } from '../viz/learnChart';

/**
 * public/reports/memory-learnability.json, the measured learnability curve: fetched once per page
 * and shared by the memory model's chart and the lesson's question that reads it.
 */
let reportPromise: Promise<LearnData | null> | null = null;
export function fetchLearnReport(): Promise<LearnData | null> {
  reportPromise ??= fetch('./reports/memory-learnability.json')
    .then((r) => (r.ok ? r.json() : null))
    .then(learnData)
    .catch(() => null);
  return reportPromise;
}
