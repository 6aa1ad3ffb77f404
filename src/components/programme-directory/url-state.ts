/**
 * The directory's state in the page URL, so Back works and a result can be shared:
 * `?kentro-q=παιδιά&kentro-t=<taxonomy>:<term>&kentro-place=<id>&kentro-lang=ar&kentro-age=9&kentro-service=<id>`.
 * Prefixed names keep clear of the CMS's own parameters (WordPress uses `?s=` and `?p=`). No personal data.
 */
import { emptyFilters, type Filters } from './facets.ts';

export interface DirectoryState {
  query: string;
  filters: Filters;
  service?: string;
}

const P = 'kentro-';

export function readState(url: URL): DirectoryState {
  const p = url.searchParams;
  const filters = emptyFilters();
  for (const pair of p.getAll(`${P}t`)) {
    const [taxonomy, term] = pair.split(':');
    if (taxonomy !== undefined && term) filters.terms[taxonomy] = term;
  }
  filters.location = p.get(`${P}place`) ?? undefined;
  filters.language = p.get(`${P}lang`) ?? undefined;
  const age = Number(p.get(`${P}age`));
  if (p.has(`${P}age`) && Number.isInteger(age) && age >= 0 && age < 130) filters.age = age;
  return { query: p.get(`${P}q`) ?? '', filters, service: p.get(`${P}service`) ?? undefined };
}

/** A copy of `url` carrying `state`; other parameters are kept. */
export function writeState(url: URL, state: DirectoryState): URL {
  const next = new URL(url);
  for (const key of [...next.searchParams.keys()]) if (key.startsWith(P)) next.searchParams.delete(key);
  const set = (k: string, v: string | number | undefined) => { if (v !== undefined && v !== '') next.searchParams.append(`${P}${k}`, String(v)); };
  set('q', state.query.trim() || undefined);
  for (const [taxonomy, term] of Object.entries(state.filters.terms)) set('t', `${taxonomy}:${term}`);
  set('place', state.filters.location);
  set('lang', state.filters.language);
  set('age', state.filters.age);
  set('service', state.service);
  return next;
}
