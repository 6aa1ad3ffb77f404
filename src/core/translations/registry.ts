/**
 * Locales known to this copy of Kentro. Greek, English and Arabic ship complete; a council can register
 * another locale (typed against `Translation`) or override single strings through `<kentro-provider>`.
 */
import { ar } from './ar.ts';
import { el } from './el.ts';
import { en } from './en.ts';
import type { Translation } from './translation.ts';

const locales = new Map<string, Translation>([['el', el], ['en', en], ['ar', ar]]);
const listeners = new Set<() => void>();

export const DEFAULT_LOCALE = 'el';

/** Adds or replaces locales; connected widgets re-render. */
export function registerTranslation(...translations: Translation[]) {
  for (const t of translations) locales.set(t.$code.toLowerCase(), t);
  for (const listener of listeners) listener();
}

/** The best registered match for a BCP 47 tag: `el-GR` → `el`; unknown → Greek. */
export function resolveTranslation(lang: string | null | undefined): Translation {
  const tag = (lang ?? '').toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0]) ?? locales.get(DEFAULT_LOCALE)!;
}

/** @internal Used by LocalizeController to re-render when locales change. */
export function onTranslationsChanged(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
