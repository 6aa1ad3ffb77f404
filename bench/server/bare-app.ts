/**
 * The baseline of the server bench: a bare Hono app on `@hono/node-server`, in its own process, on the same kind of
 * database connection as ours (a PGlite folder, or a `pg` pool of 10 on PostgreSQL). Each route runs the same SQL
 * statement our endpoint runs for its main work, and nothing else: no validation, idempotency, middleware, logging,
 * JSON documents beyond the rows.
 *
 *   GET  /api/hsds/services?search=   our page query (same WITH, WHERE, ORDER BY, LIMIT 50) without the total
 *                                     (`count(*) OVER ()`) and the organizations ours also reads; answers the rows
 *   GET  /api/events?from=&to=        our series query for the window (dates as midnights in Athens), without the
 *                                     overrides, exceptions, places and the expansion into occurrences; the rows
 *   POST /api/volunteering/signups    our INSERT INTO volunteer_signups (a reference from the sequence); 201
 *   POST /api/intake/requests         our INSERT INTO intake_requests, need names read in the same statement; 201
 *
 * Started by run.ts as `node --import tsx bench/server/bare-app.ts` with PORT, HOST and KENTRO_DATA_DIR (PGlite)
 * or DATABASE_URL.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { join } from 'node:path';
import pg from 'pg';
import { serviceConditions, serviceOrder, whereClause } from '../../src/server/hsds/filters.ts';
import { SERVICE_COLUMNS } from '../../src/server/hsds/rows.ts';
import { withClause } from '../../src/server/hsds/search.ts';
import { Params } from '../../src/server/hsds/sql.ts';

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function connect(): Promise<{ query: Query; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { query: async (sql, params) => (await pool.query(sql, params)).rows, close: () => pool.end() };
  }
  const db = await PGlite.create(join(process.env.KENTRO_DATA_DIR ?? './data', 'pg'), { extensions: { unaccent, pg_trgm } });
  return { query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows, close: () => db.close() };
}

const TIME_ZONE = 'Europe/Athens';
const db = await connect();
const app = new Hono();

app.get('/api/health', (c) => c.text('ok'));

app.get('/api/hsds/services', async (c) => {
  const p = new Params();
  const { and, search } = serviceConditions({ search: c.req.query('search') }, p);
  const rows = await db.query(
    `${withClause(search?.with)}SELECT ${SERVICE_COLUMNS} FROM services s ${whereClause(and)} ORDER BY ${serviceOrder(search)} LIMIT 50 OFFSET 0`,
    p.values,
  );
  return c.json(rows);
});

app.get('/api/events', async (c) => {
  const rows = await db.query(
    `SELECT e.*, true AS text_match FROM events e
      WHERE ((e.rrule IS NULL AND e.starts_at < $2 AND e.ends_at > $1)
         OR (e.rrule IS NOT NULL AND (e.starts_at < $2
           OR EXISTS (SELECT 1 FROM event_overrides o WHERE o.event_id = e.id AND o.starts_at < $2 AND o.ends_at > $1))))
      ORDER BY e.starts_at, e.id`,
    [`${c.req.query('from')} 00:00 ${TIME_ZONE}`, `${c.req.query('to')} 24:00 ${TIME_ZONE}`],
  );
  return c.json(rows);
});

app.post('/api/volunteering/signups', async (c) => {
  const b = await c.req.json();
  const [row] = await db.query(
    `INSERT INTO volunteer_signups (reference, opportunity_id, name, email, phone, age_band, guardian_name, guardian_email,
       guardian_phone, guardian_relationship, guardian_status, skills, availability, accessibility, locale, page_url)
     VALUES ('ΕΘ-' || to_char(now() AT TIME ZONE $1, 'YYYY') || '-' || lpad(nextval('volunteer_signup_number')::text, 6, '0'),
       $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING reference`,
    [TIME_ZONE, b.opportunityId, b.name, b.email, null, b.ageBand, null, null, null, null, 'not-needed', [], null, null, b.locale ?? 'el', null],
  );
  return c.json({ reference: row!.reference }, 201);
});

app.post('/api/intake/requests', async (c) => {
  const b = await c.req.json();
  const [row] = await db.query(
    `INSERT INTO intake_requests (reference, need_ids, need_names, description, service_id, service_name, anonymous, name,
       age_band, area, methods, phone, email, days, times, language, other_language, interpreter, accessibility, facts, locale)
     VALUES ('ΚΚ-' || to_char(now() AT TIME ZONE $1, 'YYYY') || '-' || lpad(nextval('intake_request_number')::text, 6, '0'),
       $2::uuid[], ARRAY(SELECT t.name FROM unnest($2::uuid[]) WITH ORDINALITY n(id, i) JOIN taxonomy_terms t ON t.id = n.id ORDER BY n.i),
       $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19::jsonb, $20)
     RETURNING reference`,
    [TIME_ZONE, b.needs ?? [], b.description ?? null, null, null, b.about.anonymous === true, b.about.anonymous ? null : b.about.name,
      b.about.ageBand, b.about.area ?? null, b.contact.methods, b.contact.phone ?? null, b.contact.email ?? null, b.contact.days ?? [],
      b.contact.times ?? [], b.language.preferred, null, b.language.interpreter === true, b.accessibility ?? null, null, b.locale ?? 'el'],
  );
  return c.json({ reference: row!.reference }, 201);
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: process.env.HOST ?? '127.0.0.1' });

const stop = () => server.close(() => void db.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
