import { describe, expect, it } from 'vitest';
import { createGatescopeStore } from '../store/store';
import { parseUrlParams } from '../store/urlParams';
import { keyAction, translateMove } from './keys';
import { originAllowed, parseCommand, publicPart, revealMessage } from './protocol';
import { embedSnippet, shareLink } from './snippet';

describe('keyboard shortcuts', () => {
  it('maps arrows, space, home and end', () => {
    expect(['ArrowLeft', 'ArrowRight', ' ', 'Home', 'End', 'a'].map((key) => keyAction({ key }))).toEqual(['back', 'forward', 'toggle', 'first', 'last', null]);
  });
  it('leaves keys to controls that use them, and ignores modified keys', () => {
    expect(keyAction({ key: 'ArrowRight', target: { tag: 'INPUT', type: 'range' } })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', target: { tag: 'INPUT', type: 'text' } })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', target: { tag: 'BUTTON', role: 'tab' } })).toBeNull();
    // The heatmap grid moves its own cursor with the arrows and Space.
    expect(keyAction({ key: 'ArrowRight', target: { tag: 'DIV', role: 'application' } })).toBeNull();
    expect(keyAction({ key: ' ', target: { tag: 'DIV', role: 'application' } })).toBeNull();
    expect(keyAction({ key: ' ', target: { tag: 'BUTTON' } })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', target: { tag: 'BUTTON' } })).toBe('forward');
    expect(keyAction({ key: 'ArrowRight', altKey: true })).toBeNull();
  });
});

describe('keys in the translate view (its own steps across encoder and decoder)', () => {
  it('steps within 0..steps−1, and hands the key to a deck only at either end', () => {
    expect(translateMove('forward', 3, 10, false)).toBe(4);
    expect(translateMove('back', 3, 10, false)).toBe(2);
    expect(translateMove('first', 7, 10, true)).toBe(0);
    expect(translateMove('last', 0, 10, true)).toBe(9);
    expect(translateMove('forward', 9, 10, true)).toBe('next');
    expect(translateMove('forward', 9, 10, false)).toBeNull();
    expect(translateMove('back', 0, 10, true)).toBe('prev');
    expect(translateMove('back', 0, 10, false)).toBeNull();
  });
  it('does nothing before the model is loaded, and Space does not play there', () => {
    expect(translateMove('forward', 0, 0, true)).toBeNull();
    expect(translateMove('toggle', 2, 10, true)).toBeNull();
  });
});

describe('postMessage protocol', () => {
  it('accepts well-formed commands only', () => {
    expect(parseCommand({ gatescope: 1, command: 'goTo', t: 3 })).toEqual({ command: 'goTo', t: 3 });
    expect(parseCommand({ gatescope: 1, command: 'setCell', cell: 'gru' })).toEqual({ command: 'setCell', cell: 'gru' });
    expect(parseCommand({ gatescope: 1, command: 'setLayer', layer: 2 })).toEqual({ command: 'setLayer', layer: 2 });
    for (const layer of [0, 5, 1.5, '2']) expect(parseCommand({ gatescope: 1, command: 'setLayer', layer })).toBeNull();
    for (const bad of [
      null,
      'goTo',
      { command: 'goTo', t: 1 },
      { gatescope: 1, command: 'goTo', t: -1 },
      { gatescope: 1, command: 'goTo', t: 1.5 },
      { gatescope: 1, command: 'setCell', cell: 'transformer' },
      { gatescope: 1, command: 'eval', code: '1' },
      { gatescope: 1, command: 'setText', text: 'x'.repeat(6000) },
    ]) {
      expect(parseCommand(bad), JSON.stringify(bad)?.slice(0, 60)).toBeNull();
    }
  });
  it('trusts only our own origin and the listed ones', () => {
    expect(originAllowed('https://a.edu', 'https://a.edu', [])).toBe(true);
    expect(originAllowed('https://evil.example', 'https://a.edu', [])).toBe(false);
    expect(originAllowed('https://slides.b.edu', 'https://a.edu', ['https://slides.b.edu'])).toBe(true);
  });
  it('tells unknown parents numbers only, never the sentence', () => {
    expect(publicPart({ event: 'ready', t: 1, steps: 4, cell: 'lstm', text: 'secret' })).toEqual({ event: 'ready', t: 1, steps: 4 });
    expect(publicPart({ event: 'step', t: 2, steps: 4, token: 'secret' })).toEqual({ event: 'step', t: 2, steps: 4 });
  });
  it('speaks reveal.js', () => {
    expect(JSON.parse(revealMessage('next'))).toEqual({ method: 'next', args: [] });
  });
});

describe('share and embed', () => {
  it('the shared link reopens the same state', () => {
    const s = createGatescopeStore({ text: 'the sky is blue', kind: 'gru', t: 3, lang: 'zh' }).getState();
    const link = shareLink(s, 'https://x.edu/gatescope/');
    const { options } = parseUrlParams(new URL(link).search);
    expect(options).toMatchObject({ text: 'the sky is blue', kind: 'gru', t: 3, lang: 'zh' });
  });
  it('the iframe snippet is embed mode, escaped, 16:9', () => {
    const s = createGatescopeStore({ text: 'say "hi" <b>', kind: 'rnn' }).getState();
    const html = embedSnippet(s, 'https://x.edu/');
    expect(html).toMatch(/^<iframe src="https:\/\/x\.edu\/\?[^"]*embed=1/);
    expect(html).toContain('width="960" height="540"');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&quot;hi&quot;');
  });
  it('embed mode hides the chrome by default and the hide list round-trips', () => {
    const s = createGatescopeStore({ embed: true }).getState();
    expect(s.hidden).toContain('header');
    const { options } = parseUrlParams('?embed=1&hide=header,table');
    expect(options.hidden).toEqual(['header', 'table']);
    expect(parseUrlParams('?hide=everything').notices[0]!.param).toBe('hide');
    expect(parseUrlParams('?origins=javascript:alert(1)').notices[0]!.param).toBe('origins');
    expect(parseUrlParams('?origins=https://slides.b.edu').options.origins).toEqual(['https://slides.b.edu']);
  });
});
