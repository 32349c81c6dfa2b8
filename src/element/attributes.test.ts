import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../engine';
import { readAttributes } from './attributes';
import { stopsOf } from './stops';

const read = (attrs: Record<string, string>) => readAttributes((n) => attrs[n] ?? null);

describe('<gate-scope> attributes', () => {
  it('are read as the link parameters of the same names (kind is the link’s cell), in embed mode', () => {
    const s = read({ kind: 'gru', text: 'a b c', t: '2', view: 'unrolled', lang: 'zh', theme: 'dark' });
    expect(s.problems).toEqual([]);
    expect(s.options).toMatchObject({ kind: 'gru', text: 'a b c', t: 2, view: 'unrolled', lang: 'zh', theme: 'dark', embed: true });
    expect(read({ model: 'sentiment-lstm' }).options.model).toBe('sentiment-lstm');
    // No attribute: nothing chosen, the store's defaults apply.
    expect(read({}).options).toEqual({ embed: true, hidden: ['header', 'input', 'cells', 'info', 'tabs', 'table'] });
  });

  it('name the attribute, its value and what it allows when a value is bad', () => {
    expect(read({ kind: 'transformer' }).problems).toEqual([{ attribute: 'kind', value: 'transformer', allowed: CELL_KINDS.join(', ') }]);
    expect(read({ view: 'sideways' }).problems).toEqual([{ attribute: 'view', value: 'sideways', allowed: 'cell, unrolled, heatmap, gradient, train, translate' }]);
    expect(read({ lang: 'fr', theme: 'blue' }).problems.map((p) => `${p.attribute}: ${p.allowed}`)).toEqual(['lang: en, zh', 'theme: light, dark']);
    expect(read({ t: 'three' }).problems).toEqual([{ attribute: 't', value: 'three', allowed: 'a step number: 0, 1, 2, …' }]);
    expect(read({ model: 'gpt-4' }).problems[0]).toMatchObject({ attribute: 'model', value: 'gpt-4' });
    expect(read({ model: 'gpt-4' }).problems[0]!.allowed).toContain('sentiment-lstm');
    expect(read({ text: 'x'.repeat(5001) }).problems[0]).toMatchObject({ attribute: 'text', allowed: 'up to 5000 characters' });
    expect(read({ controls: 'some' }).problems).toEqual([{ attribute: 'controls', value: 'some', allowed: 'none, step, full' }]);
    expect(read({ autoplay: 'maybe' }).problems[0]).toMatchObject({ attribute: 'autoplay', value: 'maybe' });
    // The bad value is left out, the others still apply.
    const mixed = read({ kind: 'transformer', text: 'a b' });
    expect(mixed.options.kind).toBeUndefined();
    expect(mixed.options.text).toBe('a b');
  });

  it('controls chooses what shows beside the figure; hide hides more', () => {
    const hidden = (attrs: Record<string, string>) => [...(read(attrs).options.hidden ?? [])].sort();
    expect(hidden({ controls: 'none' })).toEqual(['cells', 'controls', 'header', 'info', 'input', 'table', 'tabs', 'tokens']);
    expect(hidden({})).toEqual(hidden({ controls: 'step' }));
    expect(hidden({ controls: 'step' })).not.toContain('controls');
    expect(hidden({ controls: 'step' })).not.toContain('tokens');
    expect(hidden({ controls: 'full' })).toEqual(['header']);
    expect(hidden({ controls: 'full', hide: 'table,tabs' })).toEqual(['header', 'table', 'tabs']);
    expect(read({ hide: 'table,nonsense' }).problems).toEqual([{ attribute: 'hide', value: 'nonsense', allowed: 'header, input, cells, tokens, controls, info, tabs, table' }]);
  });

  it('autoplay is a boolean attribute', () => {
    expect(read({}).autoplay).toBe(false);
    expect(read({ autoplay: '' }).autoplay).toBe(true);
    expect(read({ autoplay: 'true' }).autoplay).toBe(true);
    expect(read({ autoplay: '0' }).autoplay).toBe(false);
  });
});

describe('a figure’s stops in a slide (data-steps)', () => {
  it('are every step by default, else the listed steps in order, those past the end left out', () => {
    expect(stopsOf(undefined, 4)).toEqual([0, 1, 2, 3]);
    expect(stopsOf('', 3)).toEqual([0, 1, 2]);
    expect(stopsOf('4, 0 2,2', 6)).toEqual([0, 2, 4]);
    expect(stopsOf('0,5,10', 10)).toEqual([0, 5]);
    // Nothing usable: every step (with a warning), never a figure that cannot step.
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(stopsOf('x,99', 3)).toEqual([0, 1, 2]);
    } finally {
      console.warn = warn;
    }
    expect(stopsOf(undefined, 0)).toEqual([0]);
  });
});
