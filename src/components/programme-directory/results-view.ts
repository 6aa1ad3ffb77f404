/** The search box, the filters and one result card. Pure render functions. */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { HsdsService } from '../../contract/hsds.ts';
import type { LocalizeController } from '../../core/localize.ts';
import type { DirectoryData } from './directory-data.ts';
import { emptyFilters, languageOptions, locationOptions, termFacets, type FacetOption, type Filters, type TermFacet } from './facets.ts';

export function renderSearch(l: LocalizeController, query: string, onQuery: (q: string) => void) {
  return html`<form class="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
    <label class="label" for="q">${l.term('directory.searchLabel')}</label>
    <div class="hint" id="q-hint">${l.term('directory.searchHint')}</div>
    <input class="input" id="q" type="search" name="q" aria-describedby="q-hint" autocomplete="off" spellcheck="false"
      enterkeyhint="search" .value=${live(query)} @input=${(e: Event) => onQuery((e.target as HTMLInputElement).value)} />
  </form>`;
}

function select(id: string, label: string, any: string, options: readonly FacetOption[], value: string | undefined, onChange: (v: string | undefined) => void) {
  return html`<div class="filter">
    <label class="label" for=${id}>${label}</label>
    <select class="select" id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value || undefined)}>
      <option value="" ?selected=${!value}>${any}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
  </div>`;
}

interface FacetSet { facets: TermFacet[]; places: FacetOption[]; languages: FacetOption[] }
const facetCache = new WeakMap<DirectoryData, Map<string, FacetSet>>();

/** Filter options depend only on the data and the language: computed once, not per keystroke. */
function facetsOf(data: DirectoryData, l: LocalizeController): FacetSet {
  const byLocale = facetCache.get(data) ?? new Map<string, FacetSet>();
  facetCache.set(data, byLocale);
  let set = byLocale.get(l.locale);
  if (!set) {
    const services = [...data.services.values()];
    set = {
      facets: termFacets(services, data.taxonomies, data.terms, l.term('directory.category')),
      places: locationOptions(services),
      languages: languageOptions(services, l.locale),
    };
    byLocale.set(l.locale, set);
  }
  return set;
}

export function renderFilters(data: DirectoryData, l: LocalizeController, filters: Filters, onChange: (f: Filters) => void, active: boolean) {
  const any = l.term('directory.any');
  const { facets, places, languages } = facetsOf(data, l);
  const setTerm = (taxonomyId: string, term: string | undefined) => {
    const terms = { ...filters.terms };
    if (term) terms[taxonomyId] = term; else delete terms[taxonomyId];
    onChange({ ...filters, terms });
  };
  const onAge = (e: Event) => {
    const raw = (e.target as HTMLInputElement).value.trim();
    const age = Number(raw);
    onChange({ ...filters, age: raw !== '' && Number.isInteger(age) && age >= 0 && age < 130 ? age : undefined });
  };
  return html`<fieldset class="filters">
    <legend class="legend">${l.term('directory.filters')}</legend>
    <div class="filters__grid">
      ${facets.map((f, i) => select(`t-${i}`, f.label, any, f.options, filters.terms[f.taxonomyId], (v) => setTerm(f.taxonomyId, v)))}
      ${places.length ? select('place', l.term('directory.location'), any, places, filters.location, (v) => onChange({ ...filters, location: v })) : nothing}
      ${languages.length ? select('lang', l.term('directory.language'), any, languages, filters.language, (v) => onChange({ ...filters, language: v })) : nothing}
      <div class="filter">
        <label class="label" for="age">${l.term('directory.age')}</label>
        <div class="hint" id="age-hint">${l.term('directory.ageHint')}</div>
        <input class="input input--short" id="age" type="text" inputmode="numeric" autocomplete="off" aria-describedby="age-hint"
          .value=${live(filters.age === undefined ? '' : String(filters.age))} @input=${onAge} />
      </div>
    </div>
    ${active ? html`<button type="button" class="button button--link clear" @click=${() => onChange(emptyFilters())}>${l.term('directory.clearFilters')}</button>` : nothing}
  </fieldset>`;
}

/** A short plain-text summary of a feed's (possibly marked-up) text; rendered as text, never as markup. */
export const summary = (text: string | null | undefined, max = 200) => {
  const plain = (text ?? '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ').replace(/\s+([.,;:!?·])/g, '$1').trim();
  return plain.length > max ? `${plain.slice(0, plain.lastIndexOf(' ', max)).trim()}…` : plain;
};

export function renderCard(s: HsdsService, l: LocalizeController, onOpen: (id: string) => void, href: string | undefined) {
  const places = [...new Set(s.service_at_locations.map((x) => x.location?.name).filter((n): n is string => !!n))];
  const free = s.cost_options.length > 0 && s.cost_options.every((c) => !c.amount);
  const open = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(s.id);
  };
  return html`<li class="card">
    <h3 class="card__title"><a href=${href ?? `#${s.id}`} data-service=${s.id} @click=${open}>${s.name}</a></h3>
    ${s.description ? html`<p class="card__summary">${summary(s.description)}</p>` : nothing}
    ${places.length || free ? html`<p class="card__meta">${[free ? l.term('directory.free') : '', ...places].filter(Boolean).join(' · ')}</p>` : nothing}
  </li>`;
}
