/**
 * Filters derived from the directory itself: one per taxonomy (needs, target groups, …), place (including the
 * mobile unit's villages), language and age. A term filter also matches services tagged with a narrower term.
 */
import type { HsdsService, HsdsTaxonomy, HsdsTaxonomyTerm } from '../../contract/hsds.ts';

export interface FacetOption { value: string; label: string }
export interface TermFacet { taxonomyId: string; label: string; options: FacetOption[] }

export interface Filters {
  /** Chosen term per taxonomy id. */
  terms: Record<string, string>;
  location?: string;
  language?: string;
  age?: number;
}

export const emptyFilters = (): Filters => ({ terms: {} });
export const hasFilters = (f: Filters) => Object.keys(f.terms).length > 0 || !!f.location || !!f.language || f.age !== undefined;

/** Every term known, from the terms endpoint and from the services' own attributes. */
export function collectTerms(services: readonly HsdsService[], terms: readonly HsdsTaxonomyTerm[]): Map<string, HsdsTaxonomyTerm> {
  const all = new Map(terms.map((t) => [t.id, t]));
  for (const s of services) for (const a of s.attributes) if (a.taxonomy_term && !all.has(a.taxonomy_term.id)) all.set(a.taxonomy_term.id, a.taxonomy_term);
  return all;
}

const taxonomyOf = (t: HsdsTaxonomyTerm) => t.taxonomy_id ?? t.taxonomy_detail?.id ?? t.taxonomy ?? '';

/** The ids of a service's terms and of all their ancestors. */
export function termClosure(service: HsdsService, terms: Map<string, HsdsTaxonomyTerm>): Set<string> {
  const out = new Set<string>();
  for (const a of service.attributes) {
    let id: string | null | undefined = a.taxonomy_term?.id ?? a.taxonomy_term_id;
    for (let guard = 0; id && !out.has(id) && guard < 20; guard++) {
      out.add(id);
      id = terms.get(id)?.parent_id;
    }
  }
  return out;
}

/** One facet per taxonomy that tags at least one service; options are the terms in use, parents first. */
export function termFacets(services: readonly HsdsService[], taxonomies: readonly HsdsTaxonomy[], terms: Map<string, HsdsTaxonomyTerm>, fallbackLabel: string): TermFacet[] {
  const used = new Set<string>();
  for (const s of services) for (const id of termClosure(s, terms)) used.add(id);
  const byTaxonomy = new Map<string, HsdsTaxonomyTerm[]>();
  for (const id of used) {
    const term = terms.get(id);
    if (!term) continue;
    const key = taxonomyOf(term);
    byTaxonomy.set(key, [...(byTaxonomy.get(key) ?? []), term]);
  }
  const names = new Map(taxonomies.map((t) => [t.id, t.name]));
  return [...byTaxonomy.entries()].map(([taxonomyId, list]) => {
    const roots = list.filter((t) => !t.parent_id || !used.has(t.parent_id)).sort((a, b) => a.name.localeCompare(b.name));
    const options: FacetOption[] = [];
    for (const root of roots) {
      options.push({ value: root.id, label: root.name });
      for (const child of list.filter((t) => t.parent_id === root.id).sort((a, b) => a.name.localeCompare(b.name))) {
        options.push({ value: child.id, label: `— ${child.name}` });
      }
    }
    const detail = list.find((t) => t.taxonomy_detail)?.taxonomy_detail;
    return { taxonomyId, label: names.get(taxonomyId) ?? detail?.name ?? fallbackLabel, options };
  }).sort((a, b) => a.label.localeCompare(b.label));
}

export function locationOptions(services: readonly HsdsService[]): FacetOption[] {
  const seen = new Map<string, string>();
  for (const s of services) for (const sal of s.service_at_locations) {
    const loc = sal.location;
    if (loc?.id && loc.name && !seen.has(loc.id)) seen.set(loc.id, loc.name);
  }
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

export function languageOptions(services: readonly HsdsService[], locale: string): FacetOption[] {
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }) : undefined;
  const seen = new Map<string, string>();
  for (const s of services) for (const lang of s.languages) {
    const code = lang.code?.toLowerCase();
    if (!code || seen.has(code)) continue;
    let label: string | undefined;
    try { label = names?.of(code); } catch { label = undefined; }
    seen.set(code, label ?? lang.name ?? code);
  }
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Whether a service passes every chosen filter. */
export function matchesFilters(service: HsdsService, filters: Filters, closure: Set<string>): boolean {
  for (const termId of Object.values(filters.terms)) if (!closure.has(termId)) return false;
  if (filters.location && !service.service_at_locations.some((sal) => (sal.location?.id ?? sal.location_id) === filters.location)) return false;
  if (filters.language && !service.languages.some((l) => l.code?.toLowerCase() === filters.language)) return false;
  if (filters.age !== undefined) {
    if (service.minimum_age != null && filters.age < service.minimum_age) return false;
    if (service.maximum_age != null && filters.age > service.maximum_age) return false;
  }
  return true;
}
