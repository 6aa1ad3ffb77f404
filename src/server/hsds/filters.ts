/** The WHERE conditions of `/services` and `/service_at_locations` on a service aliased `s`; all combine with AND. */
import { searchSql, searchWords, type SearchSql, type SearchTarget } from './search.ts';
import type { Params } from './sql.ts';

export interface ServiceFilters {
  search?: string;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  organization_id?: string;
  modified_after?: string;
  /** Offered at this location. */
  location_id?: string;
  language?: string;
  age?: number;
}

/** A service's search columns (migration 002). */
export const SERVICE_SEARCH: SearchTarget = { name: 's.search_name', lower: 's.search_lower', folded: 's.search_doc', fuzzy: true };

export interface ServiceConditions {
  /** Conditions to AND together. */
  and: string[];
  search?: SearchSql;
}

export const whereClause = (and: readonly string[]) => (and.length ? `WHERE ${and.join(' AND ')}` : '');

export function serviceConditions(f: ServiceFilters, p: Params): ServiceConditions {
  const and: string[] = [];
  const search = searchSql(SERVICE_SEARCH, searchWords(f.search), p);
  if (search) and.push(search.where);
  if (f.organization_id) and.push(`s.organization_id = ${p.add(f.organization_id, 'uuid')}`);
  if (f.taxonomy_term_id) {
    // The term or any term below it: "Παιδιά και εκπαίδευση" also finds services tagged "Μαθησιακή υποστήριξη".
    and.push(`EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_id = s.id AND a.taxonomy_term_id IN (
      WITH RECURSIVE tree AS (
        SELECT id FROM taxonomy_terms WHERE id = ${p.add(f.taxonomy_term_id, 'uuid')}
        UNION ALL SELECT t.id FROM taxonomy_terms t JOIN tree ON t.parent_id = tree.id
      ) SELECT id FROM tree))`);
  }
  if (f.taxonomy_id) {
    and.push(`EXISTS (SELECT 1 FROM service_attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
      WHERE a.service_id = s.id AND t.taxonomy_id = ${p.add(f.taxonomy_id, 'uuid')})`);
  }
  if (f.location_id) {
    and.push(`EXISTS (SELECT 1 FROM service_at_locations x WHERE x.service_id = s.id AND x.location_id = ${p.add(f.location_id, 'uuid')})`);
  }
  if (f.language) and.push(`${p.add(f.language.toLowerCase(), 'text')} = ANY (s.languages)`);
  if (f.age !== undefined) {
    const age = p.add(f.age, 'int');
    and.push(`coalesce(s.minimum_age, 0) <= ${age} AND coalesce(s.maximum_age, 1000) >= ${age}`);
  }
  if (f.modified_after) and.push(`s.updated_at >= ${p.add(new Date(f.modified_after).toISOString(), 'timestamptz')}`);
  return { and, search };
}

/** ORDER BY for services: by search rank when searching, then by name (folded, so accents do not reorder it). */
export function serviceOrder(search: SearchSql | undefined): string {
  const byName = 'kentro_fold(s.name), s.name, s.id';
  return search ? `${search.tier} DESC, ${search.nameHits} DESC, ${byName}` : byName;
}
