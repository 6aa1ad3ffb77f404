/**
 * Per-element localisation. The language comes from the element's `lang`, else the nearest `[lang]` ancestor
 * (crossing shadow roots; `<kentro-provider locale>` reflects `lang`), else `<html lang>`, else Greek.
 * The element re-renders when any `lang` on the page changes or a locale is registered.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_TIME_ZONE } from './config.ts';
import { loadTranslation, onTranslationsChanged, resolveTranslation } from './translations/registry.ts';
import type { Message, StringOverrides, Translation, TranslationKey } from './translations/translation.ts';

export type Params = Record<string, string | number>;

/** What the controller needs from its host beyond Lit's reactive host. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** Time zone and string overrides resolved from attributes and the provider. */
  localizeOptions?(): { timeZone?: string; strings?: Record<string, StringOverrides> };
}

const connected = new Set<LocalizeController>();

/** Intl formatters are costly to build (a calendar month may format thousands of dates): keep them. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
let observer: MutationObserver | undefined;

function watchLang() {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => { for (const c of connected) c.refresh(); });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang`, walking up through shadow roots to their hosts. */
export function inheritedLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'el';
}

/** Fills `{name}` placeholders; numbers are formatted for the locale. */
function fill(template: string, params: Params | undefined, lang: string) {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}

export class LocalizeController implements ReactiveController {
  private translation: Translation = resolveTranslation('el');
  private lang = '';
  /** Settles when the page's language has loaded (English and Arabic come in chunks of their own). */
  ready: Promise<void> | undefined;
  private unsubscribe?: () => void;

  constructor(private readonly host: LocalizeHost) {
    host.addController(this);
  }

  hostConnected() {
    connected.add(this);
    watchLang();
    this.unsubscribe = onTranslationsChanged(() => this.refresh(true));
    this.refresh();
  }

  hostDisconnected() {
    connected.delete(this);
    this.unsubscribe?.();
  }

  /** @internal Re-reads the language and asks for an update when it changed. */
  refresh(force = false) {
    const lang = inheritedLang(this.host);
    const loading = loadTranslation(lang);
    if (loading) this.ready = loading.then(() => { this.ready = undefined; this.refresh(); });
    const translation = resolveTranslation(lang);
    if (!force && lang === this.lang && translation === this.translation) return;
    this.lang = lang;
    this.translation = translation;
    if (this.host.getAttribute('dir') !== translation.$dir) this.host.setAttribute('dir', translation.$dir);
    this.host.requestUpdate();
  }

  /** The language in use (a registered locale code, e.g. `el`). */
  get locale(): string { return this.translation.$code; }

  /** `ltr` or `rtl`. */
  get dir(): 'ltr' | 'rtl' { return this.translation.$dir; }

  get timeZone(): string { return this.host.localizeOptions?.().timeZone ?? DEFAULT_TIME_ZONE; }

  /** A translated string; plural messages pick their form from `params.count`. */
  term(key: TranslationKey, params?: Params): string {
    const override = this.host.localizeOptions?.().strings?.[this.locale]?.[key];
    const [section, name] = key.split('.') as [keyof Translation, string];
    const message = override ?? (this.translation[section] as Record<string, Message> | undefined)?.[name];
    return fill(this.pick(message, params), params, this.locale);
  }

  /** Chooses the plural form of a message. */
  pick(message: Message | undefined, params?: Params): string {
    if (message === undefined) return '';
    if (typeof message === 'string') return message;
    const count = Number(params?.count ?? 0);
    const rule = new Intl.PluralRules(this.locale).select(count);
    return (count === 0 ? message.zero : undefined) ?? message[rule] ?? message.other;
  }

  number(value: number, options?: Intl.NumberFormatOptions) {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  /** A date or time in the centre's time zone, 24-hour clock. */
  date(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) {
    const date = value instanceof Date ? value : new Date(value);
    return dateFormat(this.locale, { timeZone: this.timeZone, hourCycle: 'h23', ...options }).format(date);
  }

  /** A range such as "Tuesday 3 March, 09:00–13:00". */
  dateRange(start: Date | string, end: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' }) {
    return dateFormat(this.locale, { timeZone: this.timeZone, hourCycle: 'h23', ...options }).formatRange(new Date(start), new Date(end));
  }

  /** "Tuesday and Thursday" (conjunction) or "Greek or English" (disjunction). */
  list(items: string[], type: Intl.ListFormatType = 'conjunction') {
    return new Intl.ListFormat(this.locale, { type, style: 'long' }).format(items);
  }

  /** "in 3 days", "tomorrow". */
  relative(value: number, unit: Intl.RelativeTimeFormatUnit) {
    return new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }).format(value, unit);
  }
}
