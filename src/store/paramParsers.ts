/**
 * How one value of a link (or of a `<gate-scope>` attribute, which reads the same table) is
 * parsed: the combinators urlParams.ts builds its one table of parameters from. A refusal says
 * why and, where the parameter has a short list or range, what it allows, so both the page's
 * notice and the element's message can name the allowed values.
 */
import type { GatescopeState } from './types';
import type { StoreOptions } from './options';

/**
 * Why a value was refused. 'outOfRange' and 'notANumber' are the step's (t=); other numbers say
 * 'badNumber' or 'notAllowed', with what the parameter allows, so each notice is about its own parameter.
 * 'damaged': a link's fragment of ours (#gs=…) that could not be read (linkFragment.ts).
 */
export type Refusal = 'unknown' | 'outOfRange' | 'tooLong' | 'notANumber' | 'badPath' | 'badNumber' | 'notAllowed' | 'damaged';

/** `dropped`: the entries of a list that were bad and left out (the rest still apply). */
export type Parsed<T> = { ok: true; value: T; dropped?: string; allowed?: string } | { ok: false; reason: Refusal; allowed?: string };

interface ParamSpec<K extends keyof StoreOptions> {
  readonly key: string;
  readonly option: K;
  readonly parse: (raw: string) => Parsed<NonNullable<StoreOptions[K]>>;
  readonly write: (s: GatescopeState) => string | null;
  /** The value is part of an object option: merged into it, beside the other parameters' parts. */
  readonly merge?: true;
}

export function spec<K extends keyof StoreOptions>(s: ParamSpec<K>): ParamSpec<K> {
  return s;
}

export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): Parsed<T> =>
    (values as readonly string[]).includes(raw) ? { ok: true, value: raw as T } : { ok: false, reason: 'unknown', allowed: values.join(', ') };

/** On or off: 1/true or 0/false. */
export const flag = (raw: string): Parsed<boolean> =>
  raw === '1' || raw === 'true' ? { ok: true, value: true } : raw === '0' || raw === 'false' ? { ok: true, value: false } : { ok: false, reason: 'unknown' };

/** A comma list: the good entries apply, the bad ones are reported; all bad is a bad value. */
export const listOf =
  (good: (entry: string) => boolean, allowed?: readonly string[]) =>
  (raw: string): Parsed<string[]> => {
    const entries = raw.split(',').filter(Boolean);
    const ok = entries.filter(good);
    const bad = entries.filter((e) => !good(e));
    const says = allowed ? { allowed: allowed.join(', ') } : {};
    if (entries.length > 0 && ok.length === 0) return { ok: false, reason: 'unknown', ...says };
    return bad.length ? { ok: true, value: ok, dropped: bad.join(','), ...says } : { ok: true, value: ok };
  };

/** A plain decimal number (no exponent, no hex) in [min, max] on a grid of `step` from min. */
export const numberIn =
  (min: number, max: number, step: number) =>
  (raw: string): Parsed<number> => {
    if (!/^-?\d{1,4}(\.\d{1,3})?$/.test(raw)) return { ok: false, reason: 'badNumber' };
    const v = Number(raw);
    if (v < min || v > max || Math.abs((v - min) / step - Math.round((v - min) / step)) > 1e-9) {
      return { ok: false, reason: 'notAllowed', allowed: step === 1 ? `${min}…${max}` : `${min}…${max}, in steps of ${step}` };
    }
    return { ok: true, value: v };
  };

export const isOrigin = (o: string) => {
  try {
    const u = new URL(o);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
  } catch {
    return false;
  }
};
