/**
 * Configuration shared by every widget, given by `<kentro-provider>` through @lit/context.
 * The context key is a string so that two copies of the bundle on one page still find each other.
 */
import { createContext } from '@lit/context';
import type { StringOverrides } from './translations/translation.ts';

export interface KentroConfig {
  /** Base URL of the backend, e.g. `/api` or `https://council.gr/kentro/api`. */
  apiBase?: string;
  /** BCP 47 language, e.g. `el`, `en`, `ar`. */
  locale?: string;
  /** IANA time zone of the centre. */
  timeZone?: string;
  /** Single-string overrides per locale: `{ el: { 'common.submit': 'Υποβολή' } }`. */
  strings?: Record<string, StringOverrides>;
  /** Shared-computer mode: no autocomplete on personal fields, inactivity reset, wipe after submit. */
  kiosk?: boolean;
  /** Kiosk inactivity before the warning, in milliseconds. */
  kioskTimeoutMs?: number;
}

export const DEFAULT_TIME_ZONE = 'Europe/Athens';
export const DEFAULT_KIOSK_TIMEOUT_MS = 120_000;

export const configContext = createContext<KentroConfig>('kentro-config');
