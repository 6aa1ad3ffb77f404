/**
 * The needs a person can choose: the terms of the centre's needs taxonomy. Which taxonomy that is follows from the
 * directory itself (the one whose terms link services as needs, HSDS attribute `link_type` 'need'), so a council
 * that loads its own taxonomy under another name needs no setting.
 */
import type { IntakeNeedOption } from '../../contract/intake.ts';
import type { Queryable } from '../db/types.ts';
import { lookupCandidates, matchChosen } from '../chosen-ids.ts';

/** The HSDS `link_type` of a service's needs (the seed's `NEEDS.linkType`). */
export const NEED_LINK_TYPE = 'need';

/** The needs taxonomy's id, or undefined when no service is linked to a need yet. */
export async function needsTaxonomyId(q: Queryable): Promise<string | undefined> {
  const { rows } = await q.query<{ taxonomy_id: string }>(
    `SELECT t.taxonomy_id FROM service_attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
      WHERE a.link_type = $1
      GROUP BY t.taxonomy_id ORDER BY count(*) DESC, t.taxonomy_id LIMIT 1`,
    [NEED_LINK_TYPE],
  );
  return rows[0]?.taxonomy_id;
}

interface TermRow {
  id: string;
  parent_id: string | null;
  code: string | null;
  name: string;
  description: string;
}

/** The needs as a tree (top-level terms with their sub-needs), in the taxonomy's display order. */
export async function needOptions(q: Queryable): Promise<IntakeNeedOption[]> {
  const taxonomyId = await needsTaxonomyId(q);
  if (!taxonomyId) return [];
  const { rows } = await q.query<TermRow>(
    `SELECT id, parent_id, code, name, description FROM taxonomy_terms WHERE taxonomy_id = $1
      ORDER BY position, kentro_fold(name), id`,
    [taxonomyId],
  );
  const option = (r: TermRow): IntakeNeedOption => ({
    id: r.id,
    ...(r.code ? { code: r.code } : {}),
    name: r.name,
    ...(r.description ? { description: r.description } : {}),
  });
  // Parents come before their children in `position` order, but a tree built from the ids does not rely on it.
  const nodes = new Map(rows.map((r) => [r.id, option(r)]));
  const roots: IntakeNeedOption[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export interface ChosenNeeds {
  /** Each chosen need once, in the order chosen, with its name as it reads now. */
  needs: { id: string; name: string }[];
  /** Indexes (in the request's `needs`) of ids that are not needs of the centre. */
  unknown: number[];
}

/** Looks the chosen ids up in the needs taxonomy. */
export async function chosenNeeds(q: Queryable, ids: readonly string[]): Promise<ChosenNeeds> {
  if (ids.length === 0) return { needs: [], unknown: [] };
  const taxonomyId = await needsTaxonomyId(q);
  const candidates = lookupCandidates(ids);
  const { rows } = taxonomyId && candidates.length
    ? await q.query<{ id: string; name: string }>(
      'SELECT id, name FROM taxonomy_terms WHERE taxonomy_id = $1 AND id = ANY($2::uuid[])',
      [taxonomyId, candidates],
    )
    : { rows: [] };
  const { chosen, unknown } = matchChosen(ids, new Map(rows.map((r) => [r.id, r.name])));
  return { needs: chosen, unknown };
}
