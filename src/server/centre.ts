/**
 * The centre itself, as the directory describes it: the organisation with a main location ('centre'), the oldest
 * if there are several. The intake form's confirmation and the referral form's programmes and messages read it,
 * so a council's own data shows without settings.
 */
import type { Queryable } from './db/types.ts';

/** What the centre is called while the directory has no organisation yet. */
export const FALLBACK_CENTRE_NAME = 'Κέντρο Κοινότητας';

export interface CentreRow {
  id: string;
  name: string;
  /** The name in another language (HSDS `alternate_name`), for messages not written in Greek. */
  alternate_name: string | null;
  email: string | null;
  phone: string | null;
  location_id: string | null;
  address_1: string | null;
  postal_code: string | null;
  city: string | null;
}

/** The centre, or undefined while the directory has no organisation. */
export async function findCentre(q: Queryable): Promise<CentreRow | undefined> {
  const { rows } = await q.query<CentreRow>(
    `SELECT o.id, o.name, o.alternate_name, coalesce(o.email, l.email) AS email, coalesce(o.phone, l.phone) AS phone,
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
