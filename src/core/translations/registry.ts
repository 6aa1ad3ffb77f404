/**
 * Locales known to this copy of Kentro. Greek ships in every widget; English and Arabic ship complete too, but in
 * chunks of their own loaded the first time a widget needs them, so a Greek page downloads no other language.
 * A council can register another locale (typed against `Translation`) or override single strings through
 * `<kentro-provider>`.
 */
import base from './el/base.ts';
import type { Translation } from './translation.ts';

/** Greek starts with the sections every widget uses; each widget adds its own (`useSections`). */
const locales = new Map<string, Translation>([['el', base as Translation]]);
const loaders = new Map<string, () => Promise<Translation>>([
  ['en', () => import('./en.ts').then((m) => m.en)],
  ['ar', () => import('./ar.ts').then((m) => m.ar)],
]);
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

export const DEFAULT_LOCALE = 'el';

/** Adds or replaces locales; connected widgets re-render. */
export function registerTranslation(...translations: Translation[]) {
  for (const t of translations) locales.set(t.$code.toLowerCase(), t);
  for (const listener of listeners) listener();
}

/**
 * Adds sections to a registered locale (a widget's own Greek strings, when it first connects). Adding a section
 * already there changes nothing and re-renders nothing.
 */
export function useSections(code: string, ...sections: Partial<Translation>[]) {
  const current = locales.get(code);
  if (!current) return;
  const missing = sections.filter((part) => Object.keys(part).some((key) => !(key in current)));
  if (missing.length === 0) return;
  registerTranslation(Object.assign({}, current, ...missing) as Translation);
}

/** The registered or loadable locale code for a BCP 47 tag: `el-GR` → `el`; unknown → Greek. */
function codeFor(lang: string | null | undefined): string {
  const tag = (lang ?? '').toLowerCase();
  for (const code of [tag, tag.split('-')[0]!]) if (locales.has(code) || loaders.has(code)) return code;
  return DEFAULT_LOCALE;
}

/** The best loaded match for a BCP 47 tag (Greek while another language is still loading). */
export function resolveTranslation(lang: string | null | undefined): Translation {
  return locales.get(codeFor(lang)) ?? locales.get(DEFAULT_LOCALE)!;
}

/**
 * Loads the locale for `lang` if it ships as a chunk of its own and is not loaded yet; resolves when it can be
 * used (at once, as `undefined`, when it already can). A chunk that fails to load leaves Greek in place.
 */
export function loadTranslation(lang: string | null | undefined): Promise<void> | undefined {
  const code = codeFor(lang);
  if (locales.has(code)) return undefined;
  let pending = loading.get(code);
  if (!pending) {
    pending = loaders.get(code)!().then(
      (translation) => { if (!locales.has(code)) registerTranslation(translation); },
      () => undefined,
    );
    loading.set(code, pending);
  }
  return pending;
}

/** @internal Used by LocalizeController to re-render when locales change. */
export function onTranslationsChanged(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
