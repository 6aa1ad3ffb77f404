/**
 * Helpers for the Volunteer Network suites: fixture opportunities and shifts at times relative to now, valid
 * signup bodies, posting with an Idempotency-Key, reading the outbox and the tokens in its links.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SignupCreated, SignupRequest } from '../../src/contract/volunteering.ts';
import type { Queryable } from '../../src/server/db/types.ts';
import { listOutbox, type OutboxEntry } from '../../src/server/mail/outbox.ts';
import { postJson, type TestServer } from './server.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface FixtureShift {
  /** Start, in ms from now (negative: already started), rounded down to the minute. */
  startsIn: number;
  /** Length in ms (default 2 hours). */
  length?: number;
  capacity: number;
  filled?: number;
}

export interface FixtureOpportunity {
  role?: string;
  minAge?: number;
  skills?: string[];
  requirements?: string;
  status?: 'open' | 'closed';
  shifts: FixtureShift[];
}

/** An organisation to hang fixtures on: the seeded centre, or one made here. */
async function organizationId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
  if (rows[0]) return rows[0].id;
  const made = await db.query<{ id: string }>(
    `INSERT INTO organizations (name, alternate_name, description, email, phone)
     VALUES ('Κέντρο Κοινότητας Δοκιμής', 'Test Community Centre', 'Για δοκιμές.', 'kentro@test.example', '+30 24310 00000') RETURNING id`,
  );
  return made.rows[0]!.id;
}

/** Inserts an opportunity with shifts; returns their ids (shifts in the order given). */
export async function insertOpportunity(db: Queryable, o: FixtureOpportunity): Promise<{ opportunityId: string; shiftIds: string[] }> {
  const org = await organizationId(db);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO volunteer_opportunities (organization_id, role, description, skills, requirements, min_age, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [org, o.role ?? 'Βοήθεια στη γιορτή', 'Στήσιμο και υποδοχή.', o.skills ?? ['Ομαδικότητα'], o.requirements ?? null, o.minAge ?? 18, o.status ?? 'open'],
  );
  const opportunityId = rows[0]!.id;
  const shiftIds: string[] = [];
  // Whole minutes, as real shifts are (and as iCalendar writes them).
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  for (const s of o.shifts) {
    const start = new Date(now + s.startsIn);
    const end = new Date(now + s.startsIn + (s.length ?? 2 * HOUR));
    const { rows: shift } = await db.query<{ id: string }>(
      'INSERT INTO volunteer_shifts (opportunity_id, starts_at, ends_at, capacity, filled) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [opportunityId, start.toISOString(), end.toISOString(), s.capacity, s.filled ?? 0],
    );
    shiftIds.push(shift[0]!.id);
  }
  return { opportunityId, shiftIds };
}

let people = 0;

/** A valid adult signup for the given shifts; a fresh email each call unless given. */
export function signupBody(opportunityId: string, shiftIds: string[], overrides: Partial<SignupRequest> = {}): SignupRequest {
  people++;
  return {
    opportunityId,
    shiftIds,
    name: 'Μαρία Παπαδάκη',
    email: `volunteer${people}.${randomUUID().slice(0, 8)}@example.gr`,
    phone: '694 123 4567',
    ageBand: '21-64',
    consent: true,
    ...overrides,
  };
}

export function postSignup(s: TestServer, body: unknown, key: string = randomUUID()) {
  return s.fetch('/api/volunteering/signups', postJson(body, { 'Idempotency-Key': key }));
}

/** Posts and expects 201. */
export async function signUp(s: TestServer, body: SignupRequest): Promise<SignupCreated> {
  const res = await postSignup(s, body);
  const json = await res.json();
  if (res.status !== 201) throw new Error(`signup answered ${res.status}: ${JSON.stringify(json)}`);
  return json as SignupCreated;
}

export const outbox = (db: Queryable, filter: { to?: string; kind?: string } = {}): Promise<OutboxEntry[]> => listOutbox(db, filter);

/** The token of the first `#kentro-manage=` or `#kentro-guardian=` link in a message. */
export function tokenIn(text: string, kind: 'manage' | 'guardian'): string {
  const m = new RegExp(`#kentro-${kind}=([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in:\n${text}`);
  return m[1]!;
}

/** The `.eml` files written to `${dataDir}/outbox`, oldest first, with their raw text. */
export async function emlFiles(dataDir: string): Promise<{ name: string; raw: string }[]> {
  const dir = join(dataDir, 'outbox');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (name) => ({ name, raw: await readFile(join(dir, name), 'utf8') })));
}

/** The decoded text part of a raw message (nodemailer writes UTF-8 text as base64 or quoted-printable). */
export function textPartOf(raw: string): string {
  const part = /Content-Type: text\/plain; charset=utf-8\r?\nContent-Transfer-Encoding: (base64|quoted-printable)\r?\n\r?\n([\s\S]*?)\r?\n(?:--|\r?\n--)/.exec(raw);
  if (!part) throw new Error('no text part');
  if (part[1] === 'base64') return Buffer.from(part[2]!.replace(/\s+/g, ''), 'base64').toString('utf8');
  const bytes = part[2]!.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export const bookingCounts = async (db: Queryable, shiftId: string) => {
  const { rows } = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM volunteer_bookings WHERE shift_id = $1 GROUP BY status', [shiftId],
  );
  const filled = (await db.query<{ filled: number }>('SELECT filled FROM volunteer_shifts WHERE id = $1', [shiftId])).rows[0]!.filled;
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { confirmed: of('confirmed'), waitlisted: of('waitlisted'), cancelled: of('cancelled'), filled };
};
