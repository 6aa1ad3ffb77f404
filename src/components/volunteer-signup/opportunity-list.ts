/**
 * The opportunities, with filters by skill, place and date. The list of one centre is short, so it is filtered
 * in the browser as the person changes a filter (no request, no waiting).
 */
import { html, nothing } from 'lit';
import type { VolunteerOpportunity } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { placeText, shiftWhen } from './words.ts';

export interface OpportunityFilters {
  skill?: string;
  place?: string;
  /** `YYYY-MM-DD`: only opportunities with a shift on or after this day. */
  from?: string;
}

/** The day of an ISO date-time as written (the centre's local date, since the offset is the centre's). */
const dayOf = (iso: string) => iso.slice(0, 10);

export function filterOpportunities(items: readonly VolunteerOpportunity[], f: OpportunityFilters): VolunteerOpportunity[] {
  return items.filter((o) =>
    (!f.skill || o.skills.includes(f.skill))
    && (!f.place || o.place?.id === f.place)
    && (!f.from || o.shifts.some((s) => dayOf(s.start) >= f.from!)));
}

const unique = <T,>(values: T[]) => [...new Set(values)];

export interface ListView {
  l: LocalizeController;
  items: readonly VolunteerOpportunity[];
  filters: OpportunityFilters;
  onFilter: (filters: OpportunityFilters) => void;
  onChoose: (opportunity: VolunteerOpportunity) => void;
}

function renderFilters({ l, items, filters, onFilter }: ListView) {
  const skills = unique(items.flatMap((o) => o.skills)).sort((a, b) => a.localeCompare(b, l.locale));
  const places = unique(items.flatMap((o) => (o.place ? [o.place.id] : [])))
    .map((id) => items.find((o) => o.place?.id === id)!.place!);
  const set = (patch: OpportunityFilters) => onFilter({ ...filters, ...patch });
  const value = (e: Event) => (e.target as HTMLInputElement).value || undefined;
  const active = Boolean(filters.skill || filters.place || filters.from);
  return html`<fieldset class="filters">
    <legend class="visually-hidden">${l.term('volunteer.filters')}</legend>
    <div class="filter">
      <label class="label" for="f-skill">${l.term('volunteer.skill')}</label>
      <select class="select" id="f-skill" @change=${(e: Event) => set({ skill: value(e) })}>
        <option value="" ?selected=${!filters.skill}>${l.term('volunteer.any')}</option>
        ${skills.map((s) => html`<option value=${s} ?selected=${filters.skill === s}>${s}</option>`)}
      </select>
    </div>
    <div class="filter">
      <label class="label" for="f-place">${l.term('volunteer.place')}</label>
      <select class="select" id="f-place" @change=${(e: Event) => set({ place: value(e) })}>
        <option value="" ?selected=${!filters.place}>${l.term('volunteer.any')}</option>
        ${places.map((p) => html`<option value=${p.id} ?selected=${filters.place === p.id}>${p.name}</option>`)}
      </select>
    </div>
    <div class="filter">
      <label class="label" for="f-from">${l.term('volunteer.fromDate')}</label>
      <input class="input" id="f-from" type="date" .value=${filters.from ?? ''} @change=${(e: Event) => set({ from: value(e) })} />
    </div>
    ${active ? html`<button type="button" class="button button--secondary filter__clear" @click=${() => onFilter({})}>${l.term('volunteer.clearFilters')}</button>` : nothing}
  </fieldset>`;
}

function renderCard(l: LocalizeController, o: VolunteerOpportunity, onChoose: ListView['onChoose']) {
  const next = o.shifts[0];
  const headingId = `o-${o.id}`;
  return html`<li class="card" data-min-age=${o.minAge}>
    <h3 class="card__title" id=${headingId}>${o.role}</h3>
    <p class="card__meta">
      ${o.place ? html`<span>${l.term('volunteer.where')}: ${placeText(o.place)}</span>` : nothing}
      <span>${l.term('volunteer.minAge', { min: o.minAge })}</span>
    </p>
    <p class="card__description">${o.description}</p>
    <p class="card__next">${next ? l.term('volunteer.nextShift', { when: shiftWhen(l, next) }) : l.term('volunteer.noShifts')}</p>
    ${next ? html`<button type="button" class="button" aria-describedby=${headingId} @click=${() => onChoose(o)}>${l.term('volunteer.choose')}</button>` : nothing}
  </li>`;
}

export function renderOpportunityList(view: ListView) {
  const { l, items, filters } = view;
  const shown = filterOpportunities(items, filters);
  return html`${renderFilters(view)}
    <p class="count" role="status">${l.term('volunteer.count', { count: shown.length })}</p>
    ${shown.length === 0
      ? html`<p class="empty">${l.term('volunteer.none')}</p>`
      : html`<ul class="cards">${shown.map((o) => renderCard(l, o, view.onChoose))}</ul>`}`;
}
