/**
 * `GET /intake/options`: what the form offers and what its confirmation tells, all read from the directory so a
 * council's own data shows without settings. The centre is ../centre.ts's; areas are the places of its locations
 * (the town and the mobile unit's villages); languages are those its active services are offered in, the most
 * widely offered first.
 */
import type { IntakeOptions } from '../../contract/intake.ts';
import { FALLBACK_CENTRE_NAME, findCentre, type CentreRow } from '../centre.ts';
import type { Queryable } from '../db/types.ts';
import { hoursInWords, type ScheduleRule } from './hours-words.ts';
import { needOptions } from './needs.ts';

async function openingHours(q: Queryable, locationId: string): Promise<string | undefined> {
  const { rows } = await q.query<ScheduleRule>(
    `SELECT freq, byday, opens_at::text AS opens_at, closes_at::text AS closes_at, description FROM schedules
      WHERE location_id = $1 AND (valid_to IS NULL OR valid_to >= current_date)
      ORDER BY freq = 'WEEKLY' DESC, length(byday) DESC, opens_at, id`,
    [locationId],
  );
  return hoursInWords(rows);
}

const greek = new Intl.Collator('el', { sensitivity: 'base' });

async function areasOf(q: Queryable, organizationId: string): Promise<string[]> {
  const { rows } = await q.query<{ city: string }>('SELECT DISTINCT city FROM locations WHERE organization_id = $1', [organizationId]);
  return rows.map((r) => r.city).sort(greek.compare);
}

async function languagesOf(q: Queryable, organizationId: string): Promise<string[]> {
  const { rows } = await q.query<{ language: string }>(
    `SELECT language FROM services s, unnest(s.languages) AS language
      WHERE s.organization_id = $1 AND s.status = 'active'
      GROUP BY language ORDER BY count(*) DESC, language`,
    [organizationId],
  );
  return rows.map((r) => r.language);
}

/** "Ασκληπιού 12, 421 50 Αίγειρος" */
const addressOf = (c: CentreRow) =>
  c.address_1 ? [c.address_1, [c.postal_code, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : undefined;

export async function intakeOptions(q: Queryable, replyWithinDays: number): Promise<IntakeOptions> {
  const [needs, centre] = await Promise.all([needOptions(q), findCentre(q)]);
  if (!centre) return { needs, areas: [], languages: [], centre: { name: FALLBACK_CENTRE_NAME, replyWithinDays } };
  const [areas, languages, hours] = await Promise.all([
    areasOf(q, centre.id),
    languagesOf(q, centre.id),
    centre.location_id ? openingHours(q, centre.location_id) : undefined,
  ]);
  const address = addressOf(centre);
  return {
    needs,
    areas,
    languages,
    centre: {
      name: centre.name,
      ...(address ? { address } : {}),
      ...(centre.phone ? { phone: centre.phone } : {}),
      ...(centre.email ? { email: centre.email } : {}),
      ...(hours ? { hours } : {}),
      replyWithinDays,
    },
  };
}
