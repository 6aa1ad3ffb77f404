import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { configContext, DEFAULT_TIME_ZONE, type KentroConfig } from './config.ts';
import { VERSION } from './define.ts';
import type { StringOverrides } from './translations/translation.ts';

/**
 * @summary Gives configuration to every Kentro widget inside it: API base, language, time zone, kiosk mode and
 * string overrides. Widgets also work alone with their own attributes.
 * @tag kentro-provider
 * @status experimental
 * @slot - The widgets (and any other page content).
 */

export class KentroProvider extends LitElement {
  static kentroVersion = VERSION;
  static override styles = css`:host { display: contents; }`;

  @provide({ context: configContext })
  @state()
  protected config: KentroConfig = { timeZone: DEFAULT_TIME_ZONE };

  /** Base URL of the backend every widget inside calls, e.g. `/api` or `https://council.gr/kentro/api`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Language of the widgets (`el`, `en`, `ar`, …). Reflected as `lang`; when unset, the page's language applies. */
  @property() locale?: string;

  /** IANA time zone of the centre. */
  @property({ attribute: 'time-zone' }) timeZone = DEFAULT_TIME_ZONE;

  /** Shared-computer mode for every form inside. */
  @property({ type: Boolean }) kiosk = false;

  /** Kiosk inactivity before the warning, in seconds. */
  @property({ attribute: 'kiosk-timeout', type: Number }) kioskTimeout?: number;

  /** Single-string overrides per locale, e.g. `{ el: { 'common.submit': 'Υποβολή αιτήματος' } }`. */
  @property({ attribute: false }) strings?: Record<string, StringOverrides>;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locale') && this.locale) this.lang = this.locale;
    this.config = {
      apiBase: this.apiBase,
      locale: this.locale,
      timeZone: this.timeZone,
      kiosk: this.kiosk,
      kioskTimeoutMs: this.kioskTimeout === undefined ? undefined : this.kioskTimeout * 1000,
      strings: this.strings,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
