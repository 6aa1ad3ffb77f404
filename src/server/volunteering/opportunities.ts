/**
 * `GET /volunteering/opportunities` and `/opportunities/{id}`: open opportunities with their upcoming shifts,
 * places left (capacity − held places) and waitlist lengths. Filters: a skill (accents, case and final sigma
 * folded with `kentro_fold`), a place, and a date window in the centre's time zone, which also limits the shifts
 * shown, so a date filter never lists shifts outside it.
 */
import type { VolunteerOpportunitiesQuery, VolunteerOpportunity, VolunteerOpportunityList } from '../../contract/volunteering.ts';
import type { Queryable } from '../db/types.ts';
import { parseInstant } from '../events/window.ts';
import { isUuid, Params } from '../hsds/sql.ts';
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_FROM, SHIFT_COLUMNS, type OpportunityRow } from './records.ts';
import { placeOf, shiftOf, type ShiftFields } from './shapes.ts';

interface ShiftRow extends ShiftFields {
  id: string;
  opportunity_id: string;
}

function toOpportunity(o: OpportunityRow, shifts: readonly ShiftRow[], timeZone: string): VolunteerOpportunity {
  const place = placeOf(o);
  return {
    id: o.id, role: o.role, description: o.description, skills: o.skills,
    ...(o.requirements ? { requirements: o.requirements } : {}),
    minAge: o.min_age,
    ...(place ? { place } : {}),
    shifts: shifts.map((s) => shiftOf(s.id, s, timeZone)),
  };
}

async function upcomingShifts(q: Queryable, opportunityIds: readonly string[], window: { from?: number; to?: number }): Promise<ShiftRow[]> {
  if (opportunityIds.length === 0) return [];
  const { rows } = await q.query<ShiftRow>(
    `SELECT s.id, s.opportunity_id, ${SHIFT_COLUMNS} FROM volunteer_shifts s
      WHERE s.opportunity_id = ANY($1::uuid[]) AND s.starts_at > now()
        AND ($2::timestamptz IS NULL OR s.starts_at >= $2) AND ($3::timestamptz IS NULL OR s.starts_at < $3)
      ORDER BY s.starts_at, s.id`,
    [[...opportunityIds], window.from === undefined ? null : new Date(window.from).toISOString(), window.to === undefined ? null : new Date(window.to).toISOString()],
  );
  return rows;
}

export async function listOpportunities(q: Queryable, filters: VolunteerOpportunitiesQuery, timeZone: string): Promise<VolunteerOpportunityList> {
  const p = new Params();
  const and = [`o.status = 'open'`];
  if (filters.skill?.trim()) {
    and.push(`EXISTS (SELECT 1 FROM unnest(o.skills) AS sk WHERE strpos(kentro_fold(sk), kentro_fold(${p.add(filters.skill.trim(), 'text')})) > 0)`);
  }
  if (filters.location !== undefined) {
    if (!isUuid(filters.location)) return { timeZone, items: [] };
    and.push(`o.location_id = ${p.add(filters.location, 'uuid')}`);
  }
  const window = {
    from: filters.from ? parseInstant(filters.from, timeZone) : undefined,
    to: filters.to ? parseInstant(filters.to, timeZone, true) : undefined,
  };
  const { rows } = await q.query<OpportunityRow>(`SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM} WHERE ${and.join(' AND ')}`, p.values);
  const shifts = await upcomingShifts(q, rows.map((r) => r.id), window);
  const byOpportunity = new Map<string, ShiftRow[]>();
  for (const s of shifts) byOpportunity.set(s.opportunity_id, [...(byOpportunity.get(s.opportunity_id) ?? []), s]);
  const soonest = (o: OpportunityRow) => byOpportunity.get(o.id)![0]!.starts_at.getTime();
  const items = rows
    .filter((o) => byOpportunity.has(o.id))
    .sort((a, b) => soonest(a) - soonest(b) || a.role.localeCompare(b.role, 'el'))
    .map((o) => toOpportunity(o, byOpportunity.get(o.id)!, timeZone));
  return { timeZone, items };
}

/** One open opportunity with its upcoming shifts (possibly none), or undefined. */
export async function getOpportunity(q: Queryable, id: string, timeZone: string): Promise<VolunteerOpportunity | undefined> {
  const { rows } = await q.query<OpportunityRow>(`SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM} WHERE o.id = $1 AND o.status = 'open'`, [id]);
  const o = rows[0];
  return o ? toOpportunity(o, await upcomingShifts(q, [o.id], {}), timeZone) : undefined;
}
