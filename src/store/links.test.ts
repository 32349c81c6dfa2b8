import { describe, expect, it } from 'vitest';
import { createGatescopeStore } from './store';
import { parseUrlParams } from './urlParams';

describe('links that are too long', () => {
  it('leave the sentence and its step out above MAX_LINK_QUERY, so every link can be served and read back', async () => {
    const { MAX_LINK_QUERY, linkQuery } = await import('./urlParams');
    const long = '我'.repeat(3000); // 9 bytes encoded each: 27,000 characters
    const s = createGatescopeStore({ text: long, t: 5, kind: 'gru' });
    const { query, textLeftOut } = linkQuery(s.getState());
    expect(textLeftOut).toBeGreaterThan(27000);
    expect(query.length).toBeLessThanOrEqual(MAX_LINK_QUERY);
    expect(query).toBe('?cell=gru');
    expect(parseUrlParams(query).notices).toEqual([]);
    const short = createGatescopeStore({ text: '我'.repeat(100), t: 5 });
    expect(linkQuery(short.getState()).textLeftOut).toBeNull();
    expect(parseUrlParams(linkQuery(short.getState()).query).options.text).toBe('我'.repeat(100));
  });
});
