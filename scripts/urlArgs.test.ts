import { describe, expect, it } from 'vitest';
import { parseUrlsAndRuns } from './urlArgs';

describe('parseUrlsAndRuns', () => {
  it('keeps every URL when --runs is not given (the first one too)', () => {
    expect(parseUrlsAndRuns(['http://a/', 'http://b/'], 7)).toEqual({ urls: ['http://a/', 'http://b/'], runs: 7 });
  });
  it('takes the number after --runs wherever it stands, and not as a URL', () => {
    expect(parseUrlsAndRuns(['http://a/', '--runs', '3', 'http://b/'], 7)).toEqual({ urls: ['http://a/', 'http://b/'], runs: 3 });
    expect(parseUrlsAndRuns(['--runs', '2', 'http://a/'], 7)).toEqual({ urls: ['http://a/'], runs: 2 });
  });
  it('refuses no URL, and a run count that is not a whole number ≥ 1', () => {
    expect(parseUrlsAndRuns([], 7)).toBeNull();
    expect(parseUrlsAndRuns(['--runs', '3'], 7)).toBeNull();
    expect(parseUrlsAndRuns(['http://a/', '--runs', 'x'], 7)).toBeNull();
    expect(parseUrlsAndRuns(['http://a/', '--runs', '0'], 7)).toBeNull();
    expect(parseUrlsAndRuns(['http://a/', '--runs'], 7)).toBeNull();
  });
});
