/** `GET /hsds/taxonomies`, `/hsds/taxonomy_terms` and their `/{id}`. */
import type { HsdsListQuery, HsdsTaxonomyTermsQuery } from '../../contract/hsds-routes.ts';
import type { Queryable } from '../db/types.ts';
import { taxonomyDoc, termDoc } from './documents.ts';
import { whereClause } from './filters.ts';
import { fetchPage, pageOf } from './paging.ts';
import { TAXONOMY_COLUMNS, TERM_COLUMNS, type TaxonomyRow, type TermRow } from './rows.ts';
import { searchSql, searchWords, textTarget, type SearchTarget } from './search.ts';
import { isUuid, Params } from './sql.ts';

const TAXONOMY_ORDER = 'kentro_fold(x.name), x.id';

export async function listTaxonomies(db: Queryable, query: HsdsListQuery) {
  const p = new Params();
  const search = searchSql(textTarget('x.name', 'x.description'), searchWords(query.search), p);
  const { rows, total, page } = await fetchPage<TaxonomyRow>(db, p, {
    with: search?.with,
    select: TAXONOMY_COLUMNS,
    from: 'taxonomies x',
    where: whereClause(search ? [search.where] : []),
    order: search ? `${search.tier} DESC, ${search.nameHits} DESC, ${TAXONOMY_ORDER}` : TAXONOMY_ORDER,
  }, query);
  return pageOf(rows.map(taxonomyDoc), total, page);
}

export async function getTaxonomy(db: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<TaxonomyRow>(`SELECT ${TAXONOMY_COLUMNS} FROM taxonomies x WHERE x.id = $1::uuid`, [id]);
  return rows[0] && taxonomyDoc(rows[0]);
}

/** A term's name and description, folded in a stored column with a trigram index (migration 002). */
const TERM_SEARCH: SearchTarget = {
  name: 'kentro_fold(t.name)',
  lower: `replace(lower(t.name || ' ' || t.description), 'ς', 'σ')`,
  folded: 't.search_doc',
  fuzzy: true,
};
/** Taxonomies in name order, and in each its terms in display order (parents before their children). */
const TERM_ORDER = 'kentro_fold(x.name), x.id, t.position, kentro_fold(t.name), t.id';
const TERM_FROM = 'taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id';

export async function listTaxonomyTerms(db: Queryable, query: HsdsTaxonomyTermsQuery) {
  const p = new Params();
  const and: string[] = [];
  const search = searchSql(TERM_SEARCH, searchWords(query.search), p);
  if (search) and.push(search.where);
  if (query.taxonomy_id) and.push(`t.taxonomy_id = ${p.add(query.taxonomy_id, 'uuid')}`);
  if (query.parent_id) and.push(`t.parent_id = ${p.add(query.parent_id, 'uuid')}`);
  if (query.top_only === 'true') and.push('t.parent_id IS NULL');
  const { rows, total, page } = await fetchPage<TermRow>(db, p, {
    with: search?.with,
    select: TERM_COLUMNS,
    from: TERM_FROM,
    where: whereClause(and),
    order: search ? `${search.tier} DESC, ${search.nameHits} DESC, ${TERM_ORDER}` : TERM_ORDER,
  }, query);
  return pageOf(rows.map(termDoc), total, page);
}

export async function getTaxonomyTerm(db: Queryable, id: string) {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<TermRow>(`SELECT ${TERM_COLUMNS} FROM ${TERM_FROM} WHERE t.id = $1::uuid`, [id]);
  return rows[0] && termDoc(rows[0]);
}
