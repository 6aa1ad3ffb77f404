/**
 * Ids a person chose from a list the form offered (needs, programmes), checked against what the list holds now:
 * each known one once, in the order chosen, with its current name, and the positions of the others so the
 * answer can point at each (`needs.2`, `support.serviceIds.0`). Ids compare without case, as UUIDs do.
 */
import { isUuid } from './hsds/sql.ts';

export interface ChosenIds {
  chosen: { id: string; name: string }[];
  /** Indexes, in the ids as sent, of those the list does not hold. */
  unknown: number[];
}

/** `names`: the list's ids (lower case) with their names; ids of other forms are simply absent from it. */
export function matchChosen(ids: readonly string[], names: ReadonlyMap<string, string>): ChosenIds {
  const chosen: ChosenIds['chosen'] = [];
  const unknown: number[] = [];
  const seen = new Set<string>();
  ids.forEach((raw, i) => {
    const id = raw.toLowerCase();
    const name = names.get(id);
    if (name === undefined) unknown.push(i);
    else if (!seen.has(id)) {
      seen.add(id);
      chosen.push({ id, name });
    }
  });
  return { chosen, unknown };
}

/** The distinct ids worth looking up (lower case): only a UUID can name a row. */
export const lookupCandidates = (ids: readonly string[]) => [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
