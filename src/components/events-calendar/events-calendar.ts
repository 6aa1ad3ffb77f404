import { Task } from '@lit/task';
import { Calendar, type EventInput, type EventSourceFuncInfo, type PluginInput } from 'fullcalendar';
import listPlugin from 'fullcalendar/list';
import classicTheme from 'fullcalendar/themes/classic';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { EventsClient } from '../../client/events.ts';
import { loadIcsText, parseIcsFeed } from '../../client/ics-feed.ts';
import type { EventOccurrence } from '../../contract/events.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../contract/events-values.ts';
import { AnnouncerController } from '../../core/announcer.ts';
import { civilDay, civilDaysBetween } from '../../core/civil-day.ts';
import { KentroElement } from '../../core/kentro-element.ts';
import { sharedStyles } from '../../styles/shared.ts';
import { calendarTexts, FC_VIEW, type CalendarView } from './calendar-options.ts';
import { renderEventDetail } from './event-dialog.ts';
import { categoryName, statusName, whenText } from './event-words.ts';
import styles from './events-calendar.styles.ts';
import { writeJsonLd } from './json-ld.ts';
import { widePlugins } from './view-plugins.ts';
import eventsStrings from '../../core/translations/el/events.ts';

/** Below this width (px) of its own column the calendar always shows the list. */
const NARROW = 600;

/**
 * FullCalendar names day headers and day cells with an `aria-label` while hiding their visible text, so a
 * header reads as empty to assistive technology and a cell's name does not match what it shows (WCAG 2.5.3).
 * Let the visible text be the name, and keep the full date as the description.
 */
function nameFromContent(el: HTMLElement) {
  const label = el.getAttribute('aria-label');
  if (!label) return;
  for (const hidden of el.querySelectorAll('[aria-hidden="true"]')) hidden.removeAttribute('aria-hidden');
  el.removeAttribute('aria-label');
  el.setAttribute('aria-description', label);
}

/**
 * @summary The centre's events, seminars, children's activities and the mobile unit's village visits, as a list,
 * a month or a week (FullCalendar 7), with filters, "next visit to my village" and an accessible event dialog.
 * @tag kentro-events-calendar
 * @status experimental
 * @csspart calendar - The calendar grid or list.
 * @cssproperty [--kentro-events-calendar-min-height=32rem] - Space reserved before the calendar loads.
 * Writes schema.org `Event` JSON-LD for the events on screen into its light DOM (CSP: `trusted-types kentro-jsonld`).
 */
export class KentroEventsCalendar extends KentroElement {
  static override styles = [sharedStyles, styles];
  static override translations = [eventsStrings];

  private readonly announcer = new AnnouncerController(this);

  /** The view to start with: `list` (default, and always below 600 px of width), `month` or `week`. */
  @property() view: CalendarView = 'list';
  /** The date to start at, `YYYY-MM-DD`; today by default. */
  @property({ attribute: 'initial-date' }) initialDate?: string;
  /** A council's existing iCalendar feed (it must allow CORS), merged with the backend's events. */
  @property({ attribute: 'ics-src' }) icsSrc?: string;

  @state() private category?: EventCategory;
  @state() private place?: string;
  @state() private myVillage?: string;
  @state() private selected?: EventOccurrence;
  @state() private failed = false;
  /** The external iCalendar feed could not be read; the backend's events still show. */
  @state() private feedFailed = false;
  private calendar?: Calendar;
  private resize?: ResizeObserver;
  private narrow = false;
  /** The month and week views have been loaded into the calendar on screen. */
  private hasWideViews = false;

  /** The week view's time-axis corner is a `rowheader` with no text: give it its (visually hidden) name as text. */
  private labelEmptyHeaders() {
    for (const header of this.renderRoot.querySelectorAll<HTMLElement>('[role=rowheader][aria-label], [role=columnheader][aria-label]')) {
      if (header.textContent?.trim()) continue;
      const text = document.createElement('span');
      text.className = 'visually-hidden';
      text.textContent = header.getAttribute('aria-label');
      header.append(text);
    }
  }

  /** The FullCalendar view on screen (`listMonth`, `dayGridMonth`, `timeGridWeek`). */
  get currentView(): string | undefined {
    return this.calendar?.view.type;
  }

  private get events(): EventsClient | undefined {
    return this.api ? new EventsClient(this.api) : undefined;
  }

  /** Places and the mobile unit's coming visits (the next three months), for the filters and "my village". */
  private readonly upcomingTask = new Task(this, {
    task: async ([base], { signal }) => {
      if (!base) return undefined;
      const from = new Date();
      const to = new Date(from.getTime() + 92 * 86_400_000);
      return (await this.events!.list(civilDay(from, this.localize.timeZone), civilDay(to, this.localize.timeZone), {}, { signal })).items;
    },
    args: () => [this.resolvedApiBase] as const,
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.calendar?.destroy();
    this.calendar = undefined;
  }

  protected override firstUpdated() {
    this.narrow = this.getBoundingClientRect().width < NARROW;
    void this.mount();
    // Watch the filters row (as wide as the widget, but its height never follows the calendar's), so switching
    // views cannot feed back into the observer; act on the next frame.
    this.resize = new ResizeObserver(([entry]) => { const width = entry!.contentRect.width; requestAnimationFrame(() => this.handleResize(width)); });
    this.resize.observe(this.renderRoot.querySelector('.filters')!);
  }

  /** (Re)creates the calendar at `date`: the list always; the month and week views once it is wide enough. */
  private async mount(date: string | Date | undefined = this.initialDate) {
    const wide = !this.narrow;
    let plugins: PluginInput[] = [];
    try {
      if (wide) plugins = await widePlugins();
    } catch {
      // The views' chunk could not be fetched (offline): the list still works.
    }
    if (!this.isConnected || (this.calendar && this.hasWideViews === plugins.length > 0)) return;
    this.calendar?.destroy();
    this.hasWideViews = plugins.length > 0;
    const el = this.renderRoot.querySelector<HTMLElement>('.cal')!;
    this.calendar = new Calendar(el, {
      plugins: [listPlugin, ...plugins, classicTheme],
      ...calendarTexts(this.localize),
      timeZone: this.localize.timeZone,
      initialView: FC_VIEW[this.hasWideViews && !this.narrow ? this.view : 'list'],
      initialDate: date,
      headerToolbar: this.toolbar(),
      height: 'auto',
      eventInteractive: true,
      events: (info: EventSourceFuncInfo) => this.fetchEvents(info),
      eventClick: (info) => { info.jsEvent.preventDefault(); this.open(info.event.extendedProps.occurrence as EventOccurrence); },
      eventClass: (arg) => `is-${(arg.event.extendedProps.occurrence as EventOccurrence).status}`,
      eventContent: (arg) => ({ domNodes: [this.eventNode(arg.event.extendedProps.occurrence as EventOccurrence, arg.timeText)] }),
      eventDidMount: (arg) => this.describeEvent(arg.el, arg.event.extendedProps.occurrence as EventOccurrence),
      dayHeaderDidMount: (arg) => nameFromContent(arg.el),
      dayCellDidMount: (arg) => nameFromContent(arg.el),
      datesSet: () => requestAnimationFrame(() => this.labelEmptyHeaders()),
    });
    this.calendar.render();
  }

  protected override updated(changed: PropertyValues) {
    if (!this.calendar) return;
    if (['category', 'place', 'provided', 'apiBase', 'icsSrc'].some((k) => changed.has(k))) this.calendar.refetchEvents();
    if (changed.has('view') && !this.narrow && this.hasWideViews) this.calendar.changeView(FC_VIEW[this.view]);
    const texts = calendarTexts(this.localize);
    if (this.calendar.getOption('direction') !== texts.direction || this.calendar.getOption('todayText') !== texts.todayText) {
      for (const [key, value] of Object.entries(texts)) this.calendar.setOption(key as never, value as never);
    }
  }

  private toolbar() {
    return this.narrow || !this.hasWideViews
      ? { start: 'prev,next', center: 'title', end: 'today' }
      : { start: 'prev,next today', center: 'title', end: 'listMonth,dayGridMonth,timeGridWeek' };
  }

  private handleResize(width: number) {
    const narrow = width < NARROW;
    if (narrow === this.narrow || !this.calendar) return;
    this.narrow = narrow;
    if (!narrow && !this.hasWideViews) {
      void this.mount(this.calendar.getDate());
      return;
    }
    this.calendar.setOption('headerToolbar', this.toolbar());
    this.calendar.changeView(FC_VIEW[narrow ? 'list' : this.view]);
  }

  /** The backend's occurrences and the external feed's, for FullCalendar's window. */
  private async fetchEvents(info: EventSourceFuncInfo): Promise<EventInput[]> {
    const events = this.events;
    const filters = { categories: this.category ? [this.category] : undefined, locations: this.place ? [this.place] : undefined };
    try {
      const [own, external] = await Promise.all([
        events ? events.list(info.startStr, info.endStr, filters).then((l) => l.items) : [],
        this.icsSrc && !this.category && !this.place
          ? loadIcsText(this.icsSrc).then((text) => parseIcsFeed(text, info.start, info.end, this.localize.timeZone, 'ics'))
            .then((items) => { this.feedFailed = false; return items; }, () => { this.feedFailed = true; return []; })
          : [],
      ]);
      const items = [...own, ...external];
      this.failed = false;
      writeJsonLd(this, items);
      if (items.length === 0) this.announcer.announce(this.localize.term('events.noEvents'));
      return items.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: e.allDay ?? false, extendedProps: { occurrence: e } }));
    } catch {
      this.failed = true;
      return [];
    }
  }

  /** Status in words before the title, so cancelled and postponed events are not told by colour alone. */
  private eventNode(e: EventOccurrence, time: string) {
    const span = document.createElement('span');
    span.className = 'ev';
    if (time) {
      // Times read left to right even in Arabic ("16:00–18:00", not "18:00–16:00").
      const t = document.createElement('bdi');
      t.className = 'ev__time';
      t.dir = 'ltr';
      t.textContent = time;
      span.append(t, ' ');
    }
    if (e.status !== 'scheduled') {
      const status = document.createElement('span');
      status.className = 'ev__status';
      status.textContent = `${statusName(this.localize, e.status)}:`;
      span.append(status);
    }
    // A Greek title inside an Arabic page keeps its own direction.
    const title = document.createElement('bdi');
    title.className = 'ev__title';
    title.textContent = e.title;
    span.append(title);
    return span;
  }

  /**
   * The visible text (time, status, title) stays the accessible name (WCAG 2.5.3); the date and place are its
   * description. FullCalendar's list view puts event buttons straight into a `role=list`: make that a group.
   */
  private describeEvent(el: HTMLElement, e: EventOccurrence) {
    el.setAttribute('aria-description', [whenText(this.localize, e), e.place?.name ?? ''].filter(Boolean).join(', '));
    const parent = el.parentElement;
    if (parent?.getAttribute('role') === 'list') parent.setAttribute('role', 'group');
  }

  private async open(e: EventOccurrence) {
    this.selected = e;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.event-dialog')?.showModal();
  }

  private close() {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.event-dialog')?.close();
  }

  private renderFilters(items: readonly EventOccurrence[]) {
    const l = this.localize;
    const places = new Map(items.filter((e) => e.place).map((e) => [e.place!.id, e.place!.name]));
    return html`<fieldset class="filters"><legend class="visually-hidden">${l.term('events.filters')}</legend>
      <div><label class="label" for="category">${l.term('events.category')}</label>
        <select class="select" id="category" @change=${(e: Event) => { this.category = ((e.target as HTMLSelectElement).value || undefined) as EventCategory | undefined; }}>
          <option value="">${l.term('events.any')}</option>
          ${EVENT_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === this.category}>${categoryName(l, c)}</option>`)}
        </select></div>
      <div><label class="label" for="place">${l.term('events.village')}</label>
        <select class="select" id="place" @change=${(e: Event) => { this.place = (e.target as HTMLSelectElement).value || undefined; }}>
          <option value="">${l.term('events.any')}</option>
          ${[...places].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => html`<option value=${id} ?selected=${id === this.place}>${name}</option>`)}
        </select></div>
    </fieldset>`;
  }

  private renderNextVisit(items: readonly EventOccurrence[]) {
    const l = this.localize;
    const visits = items.filter((e) => e.category === 'mobile-unit' && e.place?.kind === 'village');
    const villages = new Map(visits.map((e) => [e.place!.id, e.place!.name]));
    if (villages.size === 0) return nothing;
    const next = visits.filter((e) => e.place!.id === this.myVillage && e.status !== 'cancelled' && new Date(e.end) > new Date())
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    const name = this.myVillage ? villages.get(this.myVillage) ?? '' : '';
    const days = next ? civilDaysBetween(Date.now(), next.start, l.timeZone) : 0;
    return html`<section class="next-visit" aria-labelledby="next-visit-title">
      <h3 id="next-visit-title">${l.term('events.nextVisitTitle')}</h3>
      <label class="label" for="village">${l.term('events.nextVisitLabel')}</label>
      <select class="select" id="village" @change=${(e: Event) => { this.myVillage = (e.target as HTMLSelectElement).value || undefined; }}>
        <option value="">${l.term('form.choose')}</option>
        ${[...villages].sort((a, b) => a[1].localeCompare(b[1])).map(([id, n]) => html`<option value=${id} ?selected=${id === this.myVillage}>${n}</option>`)}
      </select>
      <div role="status">${this.myVillage ? html`<p>${next
        ? l.term('events.nextVisit', { village: name, date: l.date(next.start, { weekday: 'long', day: 'numeric', month: 'long' }), time: `${l.date(next.start, { hour: '2-digit', minute: '2-digit' })}–${l.date(next.end, { hour: '2-digit', minute: '2-digit' })}`, relative: l.relative(days, 'day') })
        : l.term('events.noNextVisit', { village: name })}</p>` : nothing}</div>
    </section>`;
  }

  protected override render() {
    const l = this.localize;
    const items = this.upcomingTask.value ?? [];
    return html`
      ${this.resolvedApiBase || this.icsSrc ? nothing : html`<p class="notice">${l.term('provider.missingApi')}</p>`}
      ${this.renderNextVisit(items)}
      ${this.renderFilters(items)}
      ${this.failed ? html`<div class="notice notice--error" role="alert"><p>${l.term('events.loadError')}</p>
        <button type="button" class="button button--secondary" @click=${() => this.calendar?.refetchEvents()}>${l.term('common.retry')}</button></div>` : nothing}
      ${this.feedFailed ? html`<p class="notice notice--warning" role="status">${l.term('events.feedError')}</p>` : nothing}
      <div class="cal" part="calendar"></div>
      ${this.events ? html`<p class="subscribe"><a href=${this.events.feedUrl({ categories: this.category ? [this.category] : undefined, locations: this.place ? [this.place] : undefined })}>${l.term('events.subscribe')}</a> <span class="muted">(iCalendar)</span></p>` : nothing}
      <dialog class="event-dialog" aria-labelledby="event-title" @close=${() => { this.selected = undefined; }}>
        ${this.selected ? renderEventDetail(this.selected, l, this.events?.icsUrl(this.selected.id), () => this.close()) : nothing}
      </dialog>
      ${this.announcer.render()}`;
  }
}
