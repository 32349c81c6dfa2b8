import { en, type MessageKey } from './en';
import { zh } from './zh';
import type { Lang } from '../shared/prefs';

export type { MessageKey };
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Looks a message up and fills its {placeholders}. */
export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key, vars) => {
    let s: string = dict[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}
