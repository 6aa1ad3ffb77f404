/**
 * The programmes a school can ask for: the centre's active services, those for children and schools first. Which
 * those are follows from the directory's taxonomies (terms with code `children` or `children.*`, among them
 * `children.dropout`, and the target group `schools`), so a council's own data orders itself without settings;
 * a service linked to dropout prevention comes before the rest of those.
 */
import type { ReferralOptions } from '../../contract/referral.ts';
import { findCentre } from '../centre.ts';
import { lookupCandidates, matchChosen, type ChosenIds } from '../chosen-ids.ts';
import type { Queryable } from '../db/types.ts';

type Programme = ReferralOptions['programmes'][number];

/** At most this many characters of a description are shown beside a checkbox. */
const SHORT_DESCRIPTION_MAX = 200;

/** The first sentence when it is short enough, otherwise as many whole words as fit, with an ellipsis. */
export function shortDescription(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!;·](?=\s|$)/u.exec(plain)?.[0];
  if (sentence && sentence.length <= SHORT_DESCRIPTION_MAX) return sentence;
  if (plain.length <= SHORT_DESCRIPTION_MAX) return plain;
  const cut = plain.lastIndexOf(' ', SHORT_DESCRIPTION_MAX - 1);
  return `${plain.slice(0, cut > 0 ? cut : SHORT_DESCRIPTION_MAX - 1).replace(/[\s,;:.·]+$/u, '')}…`;
}

interface ServiceRow {
  id: string;
  name: string;
  description: string;
}

/** The centre's active services, in the order the form offers them; `ids` limits them to those (for checking). */
async function centreServices(q: Queryable, ids?: readonly string[]): Promise<ServiceRow[]> {
  const centre = await findCentre(q);
  if (!centre) return [];
  const { rows } = await q.query<ServiceRow>(
    `SELECT s.id, s.name, s.description FROM services s
      WHERE s.organization_id = $1 AND s.status = 'active' AND ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[]))
      ORDER BY (
        SELECT min(CASE WHEN t.code = 'children.dropout' THEN 0 ELSE 1 END)
          FROM service_attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
         WHERE a.service_id = s.id AND (t.code = 'children' OR t.code LIKE 'children.%' OR t.code = 'schools')
      ) NULLS LAST, kentro_fold(s.name), s.id`,
    [centre.id, ids ? [...ids] : null],
  );
  return rows;
}

export async function referralProgrammes(q: Queryable): Promise<Programme[]> {
  return (await centreServices(q)).map((s) => ({ id: s.id, name: s.name, description: shortDescription(s.description) }));
}

/** Looks the chosen ids up among the programmes the form offers. */
export async function chosenProgrammes(q: Queryable, ids: readonly string[]): Promise<ChosenIds> {
  const candidates = lookupCandidates(ids);
  const rows = candidates.length ? await centreServices(q, candidates) : [];
  return matchChosen(ids, new Map(rows.map((s) => [s.id, s.name])));
}
