/**
 * `GET /intake/options`: what the form offers and what its confirmation tells, all read from the directory so a
 * council's own data shows without settings. The centre is the organisation with a main location ('centre'),
 * the oldest if there are several; areas are the places of its locations (the town and the mobile unit's
 * villages); languages are those its active services are offered in, the most widely offered first.
 */
import type { IntakeOptions } from '../../contract/intake.ts';
import type { Queryable } from '../db/types.ts';
import { hoursInWords, type ScheduleRule } from './hours-words.ts';
import { needOptions } from './needs.ts';

/** What the confirmation says when the directory has no organisation yet. */
const FALLBACK_CENTRE_NAME = 'Κέντρο Κοινότητας';

interface CentreRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  location_id: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
}

async function findCentre(q: Queryable): Promise<CentreRow | undefined> {
  const { rows } = await q.query<CentreRow>(
    `SELECT o.id, o.name, coalesce(o.email, l.email) AS email, coalesce(o.phone, l.phone) AS phone,
            l.id AS location_id, l.address_1, l.postal_code, l.city
       FROM organizations o
       LEFT JOIN LATERAL (
         SELECT * FROM locations WHERE organization_id = o.id
          ORDER BY array_position(ARRAY['centre', 'branch', 'mobile-stop'], kind), created_at, id LIMIT 1) l ON true
      ORDER BY (l.kind = 'centre') DESC NULLS LAST, o.created_at, o.id
      LIMIT 1`,
  );
  return rows[0];
}

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
