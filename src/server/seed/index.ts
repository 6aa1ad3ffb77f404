/**
 * Loads the demo Community Centre on first start: one transaction, guarded by a marker in `kentro_settings`
 * that is inserted first, so two servers starting together seed once (the second waits on the marker's key,
 * then sees it and stops). The directory's HSDS details (./directory.ts) have their own marker.
 */
import type { Database, Queryable } from '../db/types.ts';
import { localToday } from './dates.ts';
import { seedDirectoryDetails } from './directory.ts';
import { insertEvents, seedEventDetails } from './calendar.ts';
import { seedId } from './ids.ts';
import { LOCATIONS, ORGANIZATION } from './organization.ts';
import { PROGRAMMES } from './programmes.ts';
import type { SeedSchedule } from './types.ts';
import { seedOpportunities } from './volunteering.ts';

export const SEED_MARKER = 'seed_version';
export const SEED_VERSION = '1';

export { seedId };

interface ScheduleOwner { service?: string; location?: string; serviceAtLocation?: string }

async function insertSchedules(tx: Queryable, owner: ScheduleOwner, schedules: readonly SeedSchedule[]) {
  for (const s of schedules) {
    await tx.query(
      `INSERT INTO schedules (service_id, location_id, service_at_location_id, freq, byday, bysetpos, opens_at, closes_at, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [owner.service ?? null, owner.location ?? null, owner.serviceAtLocation ?? null, s.freq, s.byday.join(','), s.bysetpos ?? null, s.opens, s.closes, s.description],
    );
  }
}

async function insertDirectory(tx: Queryable) {
  const o = ORGANIZATION;
  const orgId = seedId(o.key);
  await tx.query(
    'INSERT INTO organizations (id, name, alternate_name, description, email, website, phone) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [orgId, o.name, o.alternateName, o.description, o.email, o.website, o.phone],
  );
  for (const l of LOCATIONS) {
    await tx.query(
      `INSERT INTO locations (id, organization_id, kind, name, alternate_name, description, address_1, city, region, postal_code,
         latitude, longitude, phone, email, accessibility, transport)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [seedId(l.key), orgId, l.kind, l.name, l.alternateName ?? null, l.description, l.address1, l.city, l.region, l.postalCode,
        l.latitude, l.longitude, l.phone ?? null, l.email ?? null, l.accessibility, l.transport],
    );
    await insertSchedules(tx, { location: seedId(l.key) }, l.hours);
  }
  for (const p of PROGRAMMES) {
    const id = seedId(p.key);
    await tx.query(
      `INSERT INTO services (id, organization_id, name, alternate_name, description, eligibility, application_process,
         required_documents, fees_description, free, languages, audiences, categories, email, phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, $11, $12, $13, $14)`,
      [id, orgId, p.name, p.alternateName ?? null, p.description, p.eligibility, p.applicationProcess, [...p.requiredDocuments],
        p.fees, [...p.languages], [...p.audiences], [...p.categories], o.email, o.phone],
    );
    await insertSchedules(tx, { service: id }, p.schedules ?? []);
    for (const loc of p.locations) {
      const salId = seedId(`${p.key}@${loc}`);
      await tx.query('INSERT INTO service_at_locations (id, service_id, location_id) VALUES ($1, $2, $3)', [salId, id, seedId(loc)]);
      await insertSchedules(tx, { serviceAtLocation: salId }, p.schedulesAt?.[loc] ?? []);
    }
  }
}

async function insertCalendar(tx: Queryable, timeZone: string, today: string) {
  await insertEvents(tx, timeZone, today);
  const orgId = seedId(ORGANIZATION.key);
  for (const v of seedOpportunities(today)) {
    const id = seedId(v.key);
    await tx.query(
      `INSERT INTO volunteer_opportunities (id, organization_id, location_id, role, description, skills, requirements, min_age)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, orgId, seedId(v.location), v.role, v.description, [...v.skills], v.requirements, v.minAge],
    );
    for (const [i, s] of v.shifts.entries()) {
      await tx.query(
        `INSERT INTO volunteer_shifts (id, opportunity_id, starts_at, ends_at, capacity, filled)
         VALUES ($1, $2, $3::timestamp AT TIME ZONE $7, $4::timestamp AT TIME ZONE $7, $5, $6)`,
        [seedId(`${v.key}#${i}`), id, s.start, s.end, s.capacity, s.filled, timeZone],
      );
    }
  }
}

/** Seeds the demo data unless it is there already; returns whether it seeded now. */
export async function seedDatabase(db: Database, options: { timeZone: string; now?: Date }): Promise<boolean> {
  const today = localToday(options.timeZone, options.now);
  return db.transaction(async (tx) => {
    const marker = await tx.query(
      'INSERT INTO kentro_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
      [SEED_MARKER, SEED_VERSION],
    );
    const fresh = marker.rows.length > 0;
    if (fresh) {
      await insertDirectory(tx);
      await insertCalendar(tx, options.timeZone, today);
    }
    const details = await seedDirectoryDetails(tx);
    const eventDetails = await seedEventDetails(tx, options.timeZone, today);
    return fresh || details || eventDetails;
  });
}
