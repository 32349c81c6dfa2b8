import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), k).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
  });
  it('fills placeholders', () => {
    expect(translator('en')('valuesAt', { t: 3 })).toBe('Values at step t = 3');
    expect(translator('zh')('valuesAt', { t: 3 })).toBe('第 t = 3 步的数值');
  });
});
