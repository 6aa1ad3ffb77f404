import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { HsdsClient } from '../../client/hsds.ts';
import type { HsdsService } from '../../contract/hsds.ts';
import { AnnouncerController } from '../../core/announcer.ts';
import { KentroElement } from '../../core/kentro-element.ts';
import { sharedStyles } from '../../styles/shared.ts';
import { loadDirectoryData, localResults, type DirectoryData, type Indexer } from './directory-data.ts';
import { KentroIntakeRequestEvent, KentroProgrammeSelectEvent, KentroReferralRequestEvent } from './events.ts';
import { emptyFilters, hasFilters, matchesFilters, termClosure, type Filters } from './facets.ts';
import { renderCard, renderFilters, renderSearch } from './results-view.ts';
import { renderDetail } from './service-detail.ts';
import styles from './programme-directory.styles.ts';
import { readState, writeState, type DirectoryState } from './url-state.ts';
import directoryStrings from '../../core/translations/el/directory.ts';

const PAGE = 30;

/**
 * @summary Searchable, filterable list of the centre's programmes and services, read from any Open Referral
 * HSDS 3.x API, with a detail view that says who it is for, how to apply, what to bring, where and when.
 * @tag kentro-programme-directory
 * @status experimental
 * @slot empty - Shown when nothing matches (replaces the default advice).
 * @event {KentroProgrammeSelectEvent} kentro-programme-select - The person opened a programme.
 * @event {KentroIntakeRequestEvent} kentro-intake-request - "Ask for help with this" (cancelable).
 * @event {KentroReferralRequestEvent} kentro-referral-request - "Refer a pupil" (cancelable).
 * @csspart results - The list of results.
 * @csspart detail - The detail view.
 * @cssproperty [--kentro-programme-directory-columns=1] - Result columns on wide containers.
 */
export class KentroProgrammeDirectory extends KentroElement {
  static override styles = [sharedStyles, styles];
  static override translations = [directoryStrings];

  private readonly announcer = new AnnouncerController(this);

  /** Base URL of the HSDS API; defaults to `{api-base}/hsds`. Any HSDS 3.x feed works. */
  @property({ attribute: 'hsds-base' }) hsdsBase?: string;
  /** Up to this many services are loaded once and searched in the browser; above it the server searches. */
  @property({ attribute: 'local-limit', type: Number }) localLimit = 3000;
  /** Keep the search, filters and open programme out of the page URL. */
  @property({ attribute: 'no-url-state', type: Boolean }) noUrlState = false;
  /** Where "Ask for help with this" goes when no `<kentro-intake-form>` is on the page. */
  @property({ attribute: 'intake-href' }) intakeHref?: string;
  /** Where "Refer a pupil" goes when no `<kentro-dropout-referral>` is on the page. */
  @property({ attribute: 'referral-href' }) referralHref?: string;
  /** Replaces the search engine (MiniSearch with the Greek normaliser); used by the benchmarks. */
  @property({ attribute: false }) indexer?: Indexer;

  @state() private query = '';
  @state() private filters: Filters = emptyFilters();
  @state() private openId?: string;
  @state() private shortlist: string[] = [];
  @state() private showList = false;
  /** How many results are rendered; "Show more" adds a page. */
  @state() private shown = PAGE;
  private pushedDetail = false;
  /** Focus moves only after something the person did, never on load. */
  private moveFocus = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private remoteTimer?: ReturnType<typeof setTimeout>;
  @state() private remoteQuery: readonly [string, Filters] = ['', emptyFilters()];

  /** The HSDS base after attribute → `{api-base}/hsds` precedence; empty when nothing is configured. */
  private get hsdsUrl(): string {
    return this.hsdsBase ?? (this.resolvedApiBase ? `${this.resolvedApiBase.replace(/\/+$/, '')}/hsds` : '');
  }

  private hsdsClient?: HsdsClient;

  private hsds(): HsdsClient {
    if (this.hsdsClient?.api.baseUrl !== this.hsdsUrl.replace(/\/+$/, '')) this.hsdsClient = new HsdsClient(this.hsdsUrl);
    return this.hsdsClient;
  }

  private readonly loadTask = new Task(this, {
    task: ([base, limit, indexer], { signal }) => {
      if (!base) throw new Error('no-api');
      return loadDirectoryData(this.hsds(), limit, signal, indexer);
    },
    args: () => [this.hsdsUrl, this.localLimit, this.indexer] as const,
  });

  private readonly remoteTask = new Task(this, {
    task: async ([data, [query, filters]], { signal }) => {
      if (data?.mode !== 'remote') return undefined;
      const page = await this.hsds().services({
        search: query || undefined, per_page: 50, full: 'true',
        // HSDS takes one term (renderResults applies any others).
        taxonomy_term_id: Object.values(filters.terms)[0], location_id: filters.location, language: filters.language, age: filters.age,
      }, { signal });
      return page;
    },
    args: () => [this.loadTask.value, this.remoteQuery] as const,
  });

  private readonly detailTask = new Task(this, {
    task: ([id], { signal }) => (id ? this.hsds().service(id, { signal }) : Promise.resolve(undefined)),
    args: () => [this.openId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    if (!this.noUrlState) {
      this.applyState(readState(new URL(location.href)));
      addEventListener('popstate', this.handlePopState);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('popstate', this.handlePopState);
    clearTimeout(this.announceTimer);
    clearTimeout(this.remoteTimer);
    clearTimeout(this.urlTimer);
  }

  protected override updated(changed: PropertyValues) {
    if (!changed.has('openId') || !this.moveFocus) return;
    this.moveFocus = false;
    const previous = changed.get('openId') as string | undefined;
    // Focus follows the view: the programme's heading, or back to the result that was opened.
    if (this.openId) this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    else if (previous) this.renderRoot.querySelector<HTMLElement>(`[data-service="${CSS.escape(previous)}"]`)?.focus();
  }

  /** The ids of the current results (local mode), for hosts and tests. */
  get results(): string[] {
    const data = this.loadTask.value;
    if (!data) return [];
    if (data.mode === 'local') return localResults(data, this.query, this.filters);
    return this.remoteTask.value?.contents.map((s) => s.id) ?? [];
  }

  private applyState(s: DirectoryState) {
    this.query = s.query;
    this.filters = s.filters;
    this.openId = s.service;
    this.remoteQuery = [s.query, s.filters];
  }

  private syncUrl(push: boolean) {
    if (this.noUrlState) return;
    const url = writeState(new URL(location.href), { query: this.query, filters: this.filters, service: this.openId });
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private readonly handlePopState = () => {
    this.pushedDetail = false;
    this.moveFocus = true;
    this.applyState(readState(new URL(location.href)));
  };

  private handleQuery(query: string) {
    this.query = query;
    this.changed();
  }

  private handleFilters(filters: Filters) {
    this.filters = filters;
    this.changed();
  }

  private urlTimer?: ReturnType<typeof setTimeout>;

  private changed() {
    this.shown = PAGE;
    // history.replaceState costs a few ms per call (and Chromium throttles bursts): write the URL once typing pauses.
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => this.syncUrl(false), 300);
    if (this.loadTask.value?.mode !== 'local') {
      clearTimeout(this.remoteTimer);
      this.remoteTimer = setTimeout(() => { this.remoteQuery = [this.query, this.filters]; }, 250);
    }
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announceCount(), 700);
  }

  private announceCount() {
    const count = this.results.length;
    this.announcer.announce(this.countText(count));
  }

  private countText(count: number) {
    const q = this.query.trim();
    return q ? this.localize.term('directory.resultsFor', { count, query: q }) : this.localize.term('directory.results', { count });
  }

  private open(id: string) {
    this.moveFocus = true;
    this.openId = id;
    this.showList = false;
    this.syncUrl(true);
    this.pushedDetail = !this.noUrlState;
    this.dispatchEvent(new KentroProgrammeSelectEvent({ serviceId: id }));
  }

  private close() {
    this.moveFocus = true;
    if (this.pushedDetail) {
      history.back();
      return;
    }
    this.openId = undefined;
    this.syncUrl(false);
  }

  private handoff(event: KentroIntakeRequestEvent | KentroReferralRequestEvent, tag: string, href?: string) {
    if (!this.dispatchEvent(event)) return;
    const target = document.querySelector<HTMLElement & { serviceId?: string }>(tag);
    if (target) {
      target.serviceId = event.detail.serviceId;
      target.scrollIntoView({ block: 'start' });
      target.focus?.();
    } else if (href) {
      const url = new URL(href, location.href);
      url.searchParams.set('kentro-service', event.detail.serviceId);
      location.assign(url);
    }
  }

  private async showMore() {
    const first = this.shown;
    this.shown += PAGE;
    await this.updateComplete;
    // Keyboard users continue from the first new result.
    this.renderRoot.querySelectorAll<HTMLElement>('.card__title a')[first]?.focus();
  }

  private toggleList(id: string) {
    this.shortlist = this.shortlist.includes(id) ? this.shortlist.filter((x) => x !== id) : [...this.shortlist, id];
  }

  private print(list: boolean) {
    this.showList = list;
    this.updateComplete.then(() => print());
  }

  private service(id: string): HsdsService | undefined {
    return this.detailTask.value?.id === id ? this.detailTask.value : this.loadTask.value?.services.get(id)
      ?? this.remoteTask.value?.contents.find((s) => s.id === id);
  }

  private renderResults(data: DirectoryData) {
    const l = this.localize;
    const ids = data.mode === 'local' ? this.results : undefined;
    // Local: only the shown page is looked up; the count comes from the ids.
    const services = ids
      ? ids.slice(0, this.shown).map((id) => data.services.get(id)!)
      // Remote: the server applied one term filter; any others narrow its page here.
      : (this.remoteTask.value?.contents ?? []).filter((s) => matchesFilters(s, this.filters, termClosure(s, data.terms)));
    const total = ids ? ids.length : services.length;
    const pending = data.mode === 'remote' && this.remoteTask.status === TaskStatus.PENDING;
    const cards = services.slice(0, this.shown).map((s) => renderCard(s, l, (id) => this.open(id), this.noUrlState ? undefined : writeState(new URL(location.href), { query: this.query, filters: this.filters, service: s.id }).href));
    return html`
      ${renderSearch(l, this.query, (q) => this.handleQuery(q))}
      ${guard([data, this.filters, l.locale], () => renderFilters(data, l, this.filters, (f) => this.handleFilters(f), hasFilters(this.filters)))}
      <p class="count" id="count">${pending ? html`<span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}` : this.countText(total)}</p>
      ${total
        ? html`<ul class="results" part="results" aria-describedby="count">${cards}</ul>
          ${total > this.shown ? html`<button type="button" class="button button--secondary more" @click=${() => this.showMore()}>${l.term('directory.showMore', { count: Math.min(PAGE, total - this.shown) })}</button>` : nothing}`
        : pending ? nothing : html`<div class="empty"><slot name="empty"><p><strong>${l.term('directory.noResults')}</strong></p><p>${l.term('directory.noResultsHint')}</p></slot></div>`}
      ${this.renderShortlistBar()}`;
  }

  private renderShortlistBar() {
    const l = this.localize;
    if (this.shortlist.length === 0) return nothing;
    return html`<div class="shortlist-bar">
      <button type="button" class="button button--secondary" aria-expanded=${this.showList ? 'true' : 'false'} @click=${() => { this.showList = !this.showList; }}>${l.term('directory.myList', { count: this.shortlist.length })}</button>
      <button type="button" class="button button--secondary" @click=${() => this.print(true)}>${l.term('directory.printList')}</button>
      <button type="button" class="button button--link" @click=${() => { this.shortlist = []; this.showList = false; }}>${l.term('directory.clearList')}</button>
    </div>
    ${this.showList ? html`<section class="shortlist" aria-label=${l.term('directory.myList', { count: this.shortlist.length })}>
      ${this.shortlist.map((id) => this.service(id)).filter((s): s is HsdsService => !!s).map((s) => renderDetail(s, this.detailContext(s, true)))}
    </section>` : nothing}`;
  }

  private detailContext(s: HsdsService, inShortlist = false) {
    const forChildren = (s.minimum_age ?? 99) < 18 && (s.maximum_age ?? 0) >= 6;
    return {
      l: this.localize, now: new Date(), inList: this.shortlist.includes(s.id), referral: forChildren && !inShortlist,
      onBack: () => (inShortlist ? (this.showList = false) : this.close()),
      onAsk: () => this.handoff(new KentroIntakeRequestEvent({ serviceId: s.id }), 'kentro-intake-form', this.intakeHref),
      onRefer: () => this.handoff(new KentroReferralRequestEvent({ serviceId: s.id }), 'kentro-dropout-referral', this.referralHref),
      onToggleList: () => this.toggleList(s.id),
      onPrint: () => this.print(false),
    };
  }

  private renderDetailView() {
    const id = this.openId!;
    const s = this.service(id);
    if (!s) {
      return this.detailTask.render({
        pending: () => html`<p class="loading"><span class="spinner" aria-hidden="true"></span> ${this.localize.term('common.loading')}</p>`,
        error: () => html`<div class="notice notice--error" role="alert"><p>${this.localize.term('directory.notFound')}</p>
          <button type="button" class="button button--secondary" @click=${() => this.close()}>${this.localize.term('directory.backToResults')}</button></div>`,
      });
    }
    return html`<div part="detail">${renderDetail(s, this.detailContext(s))}</div>`;
  }

  protected override render() {
    const l = this.localize;
    const body = this.loadTask.render({
      initial: () => html`<p class="loading">${l.term('provider.missingApi')}</p>`,
      pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
      error: (e) => html`<div class="notice notice--error" role="alert">
        <p>${(e as Error).message === 'no-api' ? l.term('provider.missingApi') : l.term('directory.loadError')}</p>
        ${(e as Error).message === 'no-api' ? nothing : html`<button type="button" class="button button--secondary" @click=${() => this.loadTask.run()}>${l.term('common.retry')}</button>`}
      </div>`,
      complete: (data) => (this.openId ? this.renderDetailView() : this.renderResults(data)),
    });
    return html`<div class="directory ${this.showList ? 'printing-list' : ''}">${body}</div>${this.announcer.render()}`;
  }
}
