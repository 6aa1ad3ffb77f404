/**
 * Mounts the Volunteer Network (`/api/volunteering/…` and the staff listing under `/api/admin/`). Opportunities
 * and views are read with the pool; every change runs in one transaction that takes the signup's row lock first
 * (see ./places.ts for the lock order), and writes its messages to the outbox in that same transaction.
 */
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { volunteeringRoutes } from '../../contract/volunteering-routes.ts';
import { uidHostOf } from '../events/ics-writer.ts';
import { csvStream } from '../http/csv.ts';
import type { App, AppDeps, AppEnv } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import { route } from '../http/route.ts';
import { ADMIN_SIGNUPS_CSV_HEADER, adminSignupPage, adminSignupsCsvRows } from './admin.ts';
import { signupCalendar } from './calendar.ts';
import { cancelBookings } from './cancel.ts';
import { decide } from './guardian.ts';
import { queueVolunteerMail } from './messages.ts';
import { getOpportunity, listOpportunities } from './opportunities.ts';
import { findOpportunity, findSignup, signupBookings, type SignupRow } from './records.ts';
import { createSignup } from './signup.ts';
import { tokenHash } from './tokens.ts';
import { guardianView, signupView } from './view.ts';

const noSignup = () => new ProblemError(404, 'notFound', { detail: 'No signup for this token.' });
const noRequest = () => new ProblemError(404, 'notFound', { detail: 'No request for this token.' });

/** A guardian's link works while their answer can still count: not after the hold ran out. */
const guardianCanSee = (s: SignupRow | undefined): s is SignupRow => s !== undefined && s.hold_released_at === null;

export function mountVolunteeringRoutes(app: App, deps: AppDeps) {
  const { db, config } = deps;
  const [listDef, oneDef, signupDef, viewDef, cancelDef, icsDef, guardianGetDef, guardianPostDef, adminDef] = volunteeringRoutes;
  const { timeZone } = config;

  route(app, listDef, async ({ query }, c) => c.json(await listOpportunities(db, query, timeZone)));

  route(app, oneDef, async ({ params }, c) => {
    const opportunity = await getOpportunity(db, params.id, timeZone);
    if (!opportunity) throw new ProblemError(404, 'notFound', { detail: 'No open opportunity with this id.' });
    return c.json(opportunity);
  });

  route(app, signupDef, (tx, { body }) => createSignup(tx, body, deps));

  route(app, viewDef, async ({ params }, c) => {
    const signup = await findSignup(db, { tokenHash: tokenHash(params.token), purpose: 'manage' });
    if (!signup) throw noSignup();
    return c.json(await signupView(db, signup, timeZone));
  });

  route(app, cancelDef, async ({ params, query }, c) => {
    const view = await db.transaction(async (tx) => {
      const signup = await findSignup(tx, { tokenHash: tokenHash(params.token), purpose: 'manage' }, true);
      if (!signup) throw noSignup();
      if (query.shiftId) {
        const booked = await tx.query('SELECT 1 FROM volunteer_bookings WHERE signup_id = $1 AND shift_id = $2', [signup.id, query.shiftId]);
        if (booked.rows.length === 0) throw new ProblemError(404, 'notFound', { detail: 'This signup has no booking for that shift.' });
      }
      const cancelled = await cancelBookings(tx, config, signup, { shiftId: query.shiftId });
      if (cancelled.length) await queueVolunteerMail(tx, config, signup.id, 'cancelled', cancelled);
      return signupView(tx, signup, timeZone);
    });
    return c.json(view);
  });

  route(app, icsDef, async ({ params }, c) => {
    const signup = await findSignup(db, { tokenHash: tokenHash(params.token), purpose: 'manage' });
    if (!signup) throw noSignup();
    const [opportunity, bookings] = await Promise.all([findOpportunity(db, signup.opportunity_id), signupBookings(db, signup.id)]);
    if (!opportunity) throw noSignup();
    const body = signupCalendar(signup, opportunity, bookings, {
      timeZone, uidHost: uidHostOf(config.publicUrl), calendarName: `${opportunity.centre_name}: ${opportunity.role}`,
    });
    return calendarResponse(c, body);
  });

  route(app, guardianGetDef, async ({ params }, c) => {
    const signup = await findSignup(db, { tokenHash: tokenHash(params.token), purpose: 'guardian' });
    if (!guardianCanSee(signup)) throw noRequest();
    return c.json(await guardianView(db, signup, timeZone));
  });

  route(app, guardianPostDef, async ({ params, body }, c) => {
    const view = await db.transaction(async (tx) => {
      const signup = await findSignup(tx, { tokenHash: tokenHash(params.token), purpose: 'guardian' }, true);
      if (!guardianCanSee(signup)) throw noRequest();
      await decide(tx, config, signup, body.decision);
      const after = await findSignup(tx, { id: signup.id });
      return guardianView(tx, after!, timeZone);
    });
    return c.json(view);
  });

  route(app, adminDef, async ({ query }, c) => {
    if (query.format === 'csv') return csvStream(c, 'volunteer-signups', timeZone, ADMIN_SIGNUPS_CSV_HEADER, adminSignupsCsvRows(db, query, timeZone));
    const { rows, next } = await adminSignupPage(db, query, timeZone);
    return c.json({ items: rows, ...(next ? { next } : {}) });
  });
}

/** A personal feed: private to the token's holder, revalidated by ETag. */
function calendarResponse(c: Context<AppEnv>, body: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const headers = {
    'Content-Type': 'text/calendar; charset=utf-8', ETag: etag, 'Cache-Control': 'private, no-cache',
    'Content-Disposition': 'inline; filename="volunteer-shifts.ics"',
  };
  const match = c.req.header('If-None-Match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}
