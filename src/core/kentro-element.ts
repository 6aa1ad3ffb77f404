/**
 * The base of every Kentro widget: configuration (attribute → `<kentro-provider>` → default), localisation,
 * the API client for the configured backend, and the version `define()` compares.
 */
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient } from '../client/api-client.ts';
import { configContext, DEFAULT_KIOSK_TIMEOUT_MS, DEFAULT_TIME_ZONE, type KentroConfig } from './config.ts';
import { VERSION } from './define.ts';
import { LocalizeController } from './localize.ts';
import { useSections } from './translations/registry.ts';
import type { Translation } from './translations/translation.ts';

export class KentroElement extends LitElement {
  /** The Kentro version of this class, compared by `define()`. */
  static kentroVersion = VERSION;

  /**
   * The widget's own Greek sections (`import volunteer from '…/translations/el/volunteer.ts'`), added to Greek when
   * the first such widget connects: a page downloads only the strings of the widgets it has.
   */
  static translations: readonly Partial<Translation>[] = [];

  protected readonly localize = new LocalizeController(this);

  override connectedCallback() {
    useSections('el', ...(this.constructor as typeof KentroElement).translations);
    super.connectedCallback();
  }

  @consume({ context: configContext, subscribe: true })
  @state()
  protected provided?: KentroConfig;

  /** Base URL of the backend, e.g. `/api`. Overrides the value a `<kentro-provider>` gives. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** IANA time zone of the centre. Overrides the provider; `Europe/Athens` by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** Shared-computer mode: no autocomplete on personal fields, inactivity reset, answers wiped after submit. */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  private client?: ApiClient;
  private readonly domainClients = new Map<unknown, { api: ApiClient; client: unknown }>();

  /** The backend's base URL after attribute → provider precedence; undefined when none is configured. */
  get resolvedApiBase(): string | undefined {
    return this.apiBase ?? this.provided?.apiBase;
  }

  /** Kiosk mode from the attribute or the provider. */
  get isKiosk(): boolean {
    return this.kiosk || this.provided?.kiosk === true;
  }

  /** Inactivity before the kiosk warning, in ms. */
  get kioskTimeoutMs(): number {
    return this.provided?.kioskTimeoutMs ?? DEFAULT_KIOSK_TIMEOUT_MS;
  }

  /**
   * Holds a render until the page's language has loaded (a chunk of its own for English and Arabic), so a person
   * never sees the widget in Greek first and then in their language.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this.localize.ready) await this.localize.ready;
    super.scheduleUpdate();
  }

  /** The client for the configured backend (one per base URL). */
  protected get api(): ApiClient | undefined {
    const base = this.resolvedApiBase;
    if (!base) return undefined;
    if (this.client?.baseUrl !== base.replace(/\/+$/, '')) this.client = new ApiClient({ baseUrl: base });
    return this.client;
  }

  /**
   * The widget's client for one part of the contract (`new IntakeClient(api)`), made once per backend, so it can
   * serve as a stable `Task` argument.
   */
  protected clientFor<C>(Make: new (api: ApiClient) => C): C | undefined {
    const api = this.api;
    if (!api) return undefined;
    const cached = this.domainClients.get(Make);
    if (cached?.api === api) return cached.client as C;
    const client = new Make(api);
    this.domainClients.set(Make, { api, client });
    return client;
  }

  /** @internal Read by LocalizeController. */
  localizeOptions() {
    return { timeZone: this.timeZone ?? this.provided?.timeZone ?? DEFAULT_TIME_ZONE, strings: this.provided?.strings };
  }
}
