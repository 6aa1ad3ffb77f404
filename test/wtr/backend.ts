/**
 * The backend the browser tests talk to: the real app on PGlite in memory with the test submission endpoint,
 * behind a fault proxy. Speaks line-delimited JSON on stdin/stdout with `backend-plugin.mjs`.
 */
import { createInterface } from 'node:readline';
import * as z from 'zod/mini';
import { ReferralStatusChange, type ReferralStatus } from '../../src/contract/referral.ts';
import { countSubmissions, createSubmissionsTable, mountSubmissions } from '../fixtures/submissions.ts';
import { startHsdsStub } from '../fixtures/hsds-stub.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { adminIntakeRows } from '../../src/server/intake/admin.ts';
import { listOutbox } from '../../src/server/mail/outbox.ts';
import { changeReferralStatus } from '../../src/server/referrals/change.ts';
import { startTestServer } from '../support/server.ts';
import { DAY, insertOpportunity, type FixtureOpportunity } from '../support/volunteering.ts';

const allowedOrigins = (process.env.KENTRO_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
const server = await startTestServer({ config: { allowedOrigins }, seed: true, setup: createSubmissionsTable, extend: mountSubmissions });
const proxy = await startFaultProxy(server.url);
const hsdsStub = await startHsdsStub();

type Command =
  | { id: number; command: 'kentro-fault'; payload: { kind: 'cut-after-response' | 'drop-before-forward' | 'delay'; method: string; path: string; times?: number; ms?: number } }
  | { id: number; command: 'kentro-count' }
  | { id: number; command: 'kentro-reset' }
  /** Messages in the outbox to one address, oldest first (what a person would find in their inbox). */
  | { id: number; command: 'kentro-outbox'; payload: { to: string } }
  /**
   * An opportunity of the test's own, with shifts `startsInDays` from now (fractions allowed) and the places given:
   * a test that signs up never depends on the seed's shifts, whose dates and places move with the day it runs.
   */
  | { id: number; command: 'kentro-opportunity'; payload: Omit<FixtureOpportunity, 'shifts'> & { shifts: { startsInDays: number; capacity: number; filled?: number }[] } }
  /** Someone else takes a shift's last places (as if others signed up while this person was typing). */
  | { id: number; command: 'kentro-fill-shift'; payload: { shiftId: string } }
  /** The newest stored intake request as staff see it (`GET /admin/intake/requests` row), or null. */
  | { id: number; command: 'kentro-intake-latest' }
  /** How many intake requests are stored (a request refused or not sent adds none). */
  | { id: number; command: 'kentro-intake-count' }
  /** How many referrals are stored (a referral refused, or stopped for immediate danger, adds none). */
  | { id: number; command: 'kentro-referral-count' }
  /**
   * Staff change a referral's status as `PATCH /admin/referrals/{reference}` does (same checks, history and email to
   * the referrer); answers the status view, or fails with the problem's message (an invalid transition, …).
   */
  | { id: number; command: 'kentro-referral-status'; payload: { reference: string; status: ReferralStatus; note?: string } };

async function handle(msg: Command): Promise<unknown> {
  switch (msg.command) {
    case 'kentro-fault': {
      const { kind, method, path, times = 1, ms = 1000 } = msg.payload;
      if (kind === 'cut-after-response') proxy.cutAfterResponse({ method, path }, times);
      else if (kind === 'drop-before-forward') proxy.dropBeforeForward({ method, path }, times);
      else proxy.delay({ method, path }, ms, times);
      return true;
    }
    case 'kentro-count':
      return countSubmissions(server.db);
    case 'kentro-reset':
      proxy.reset();
      return true;
    case 'kentro-outbox':
      return (await listOutbox(server.db, { to: msg.payload.to })).map(({ to, subject, text }) => ({ to, subject, text }));
    case 'kentro-opportunity': {
      const { shifts, ...rest } = msg.payload;
      return insertOpportunity(server.db, { ...rest, shifts: shifts.map(({ startsInDays, ...s }) => ({ ...s, startsIn: startsInDays * DAY })) });
    }
    case 'kentro-fill-shift':
      await server.db.query('UPDATE volunteer_shifts SET filled = capacity WHERE id = $1', [msg.payload.shiftId]);
      return true;
    case 'kentro-intake-latest':
      return (await adminIntakeRows(server.db, {}, server.config.timeZone, 1))[0] ?? null;
    case 'kentro-intake-count':
      return (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_requests')).rows[0]!.n;
    case 'kentro-referral-count':
      return (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals')).rows[0]!.n;
    case 'kentro-referral-status': {
      const { reference, ...change } = msg.payload;
      return changeReferralStatus(server.db, server.config, reference, z.parse(ReferralStatusChange, change));
    }
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line) as Command;
  handle(msg).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: msg.id, result })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id: msg.id, error: String(error) })}\n`),
  );
});

const stop = async () => {
  await proxy.close();
  await hsdsStub.close();
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, proxyUrl: proxy.url, hsdsStubUrl: hsdsStub.url })}\n`);
