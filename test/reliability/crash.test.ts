/**
 * Crash: the real server (a child process) gets a burst of intake requests, referrals and volunteer signups at once
 * and is killed with SIGKILL once a third of them have been answered 201. Started again on the same PGlite folder
 * (or PostgreSQL database), it must answer health checks, and:
 * - every submission that was answered 201 is stored, under the reference it was given, once;
 * - every submission is sent again with its Idempotency-Key, as the widgets' client retries: those answered before
 *   get the same answer replayed, the others are stored now, and nothing is stored twice.
 * Counts are printed. One round per database; KENTRO_RELIABILITY_FULL=1 runs five, with bigger bursts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import type { VolunteerOpportunityList } from '../../src/contract/volunteering.ts';
import type { Database } from '../../src/server/db/types.ts';
import { intakeBody } from '../support/intake.ts';
import { referralBody } from '../support/referral.ts';
import { backends } from '../support/server.ts';
import { signupBody } from '../support/volunteering.ts';
import { CHILD_ADMIN_TOKEN, childData, startChild, type Child, type ChildData } from './child-server.ts';

const FULL = process.env.KENTRO_RELIABILITY_FULL === '1';
const ROUNDS = FULL ? 5 : 1;
const PER_KIND = FULL ? 40 : 20;

type Kind = 'intake' | 'referral' | 'signup';
const PATHS: Record<Kind, string> = { intake: '/api/intake/requests', referral: '/api/referrals', signup: '/api/volunteering/signups' };

interface Submission {
  kind: Kind;
  key: string;
  body: unknown;
  /** Unique to this submission, found in its stored row. */
  marker: string;
  /** The reference the burst answered 201 with. */
  reference?: string;
  /** How the burst's request ended when it got no 201. */
  failure?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const post = (child: Child, s: Submission) =>
  child.fetch(PATHS[s.kind], {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': s.key }, body: JSON.stringify(s.body),
  });

/** Shifts volunteers may take (the seeded opportunities open to adults), one per signup in turn. */
async function openShifts(child: Child): Promise<{ opportunityId: string; shiftId: string }[]> {
  const res = await child.fetch('/api/volunteering/opportunities');
  assert.equal(res.status, 200);
  const { items } = (await res.json()) as VolunteerOpportunityList;
  const shifts = items.flatMap((o) => o.shifts.map((s) => ({ opportunityId: o.id, shiftId: s.id })));
  assert.ok(shifts.length > 0, 'the demo data has shifts to sign up for');
  return shifts;
}

function submissions(run: string, shifts: { opportunityId: string; shiftId: string }[]): Submission[] {
  const list: Submission[] = [];
  for (let i = 0; i < PER_KIND; i++) {
    const tag = `${run}-${i}`;
    const intakeMarker = `⟨crash-${tag}⟩`;
    list.push({ kind: 'intake', key: randomUUID(), marker: intakeMarker, body: intakeBody({ description: `Χρειάζομαι βοήθεια με το ενοίκιο. ${intakeMarker}` }) });
    const referrer = `crash-${tag}@sch.gr`;
    const base = referralBody();
    list.push({ kind: 'referral', key: randomUUID(), marker: referrer, body: { ...base, referrer: { ...base.referrer, email: referrer } } });
    const volunteer = `crash-${tag}@example.gr`;
    const shift = shifts[i % shifts.length]!;
    list.push({ kind: 'signup', key: randomUUID(), marker: volunteer, body: signupBody(shift.opportunityId, [shift.shiftId], { email: volunteer, waitlistIfFull: true }) });
  }
  // Interleaved, so the kill cuts every kind.
  return list;
}

/** Sends every submission at once; kills the server with SIGKILL as soon as `killAfter` have been answered 201. */
async function burst(child: Child, list: Submission[], killAfter: number): Promise<void> {
  let created = 0;
  let killing: Promise<void> | undefined;
  await Promise.all(list.map(async (s) => {
    try {
      const res = await post(child, s);
      const text = await res.text();
      if (res.status === 201) {
        s.reference = (JSON.parse(text) as { reference: string }).reference;
        if (++created >= killAfter) killing ??= child.kill9();
      } else {
        s.failure = `HTTP ${res.status}`;
      }
    } catch (err) {
      s.failure = (err as Error).cause ? String((err as { cause: { code?: string } }).cause.code ?? 'network') : 'network';
    }
  }));
  await (killing ?? child.kill9());
}

/** The widgets' client: the same key until a final answer; a 409 "still running" waits and tries again. */
async function resend(child: Child, s: Submission): Promise<{ status: number; reference?: string; replayed: boolean }> {
  for (;;) {
    const res = await post(child, s);
    const text = await res.text();
    if (res.status === 409 && (JSON.parse(text) as { type: string }).type === PROBLEM_TYPES.idempotencyConflict) {
      await sleep(200);
      continue;
    }
    const reference = res.status === 201 ? (JSON.parse(text) as { reference: string }).reference : undefined;
    return { status: res.status, reference, replayed: res.headers.get('idempotent-replayed') === 'true' };
  }
}

/** Every reference staff see in their lists (intake requests, referrals, signups), read through the API. */
async function staffReferences(child: Child): Promise<Set<string>> {
  const refs = new Set<string>();
  for (const path of ['/api/admin/intake/requests', '/api/admin/referrals', '/api/admin/volunteering/signups']) {
    // Page by page, as staff lists are served (`next` while more rows follow).
    for (let after: string | undefined, pages = 0; pages === 0 || after; pages++) {
      const res = await child.fetch(`${path}?limit=100${after ? `&after=${after}` : ''}`, { headers: { Authorization: `Bearer ${CHILD_ADMIN_TOKEN}` } });
      assert.equal(res.status, 200, path);
      const page = (await res.json()) as { items: { reference: string }[]; next?: string };
      for (const row of page.items) refs.add(row.reference);
      after = page.next;
    }
  }
  return refs;
}

/** The references stored for a submission's marker (more than one would be a duplicate). */
async function storedFor(db: Database, s: Submission): Promise<string[]> {
  const sql = {
    intake: 'SELECT reference FROM intake_requests WHERE strpos(description, $1) > 0',
    referral: 'SELECT reference FROM referrals WHERE referrer_email = $1',
    signup: 'SELECT reference FROM volunteer_signups WHERE email = $1',
  }[s.kind];
  return (await db.query<{ reference: string }>(sql, [s.marker])).rows.map((r) => r.reference);
}

interface Totals { submitted: number; created: number; cut: number; stored: number; lost: number; duplicated: number; replayed: number; committedUnanswered: number }

for (const backend of backends()) {
  describe(`crash: SIGKILL during a burst of submissions (${backend})`, () => {
    let data: ChildData | undefined;
    let child: Child | undefined;
    const totals: Totals = { submitted: 0, created: 0, cut: 0, stored: 0, lost: 0, duplicated: 0, replayed: 0, committedUnanswered: 0 };

    after(async () => {
      await child?.kill9();
      await data?.drop();
      console.log(`crash (${backend}) over ${ROUNDS} round(s): ${JSON.stringify(totals)}`);
    });

    for (let round = 1; round <= ROUNDS; round++) {
      it(`round ${round}: every 201 survives, retries store the rest once, the server comes back healthy`, async () => {
        data ??= await childData(backend);
        child = await startChild(data!);
        const list = submissions(randomUUID().slice(0, 8), await openShifts(child));
        await burst(child, list, Math.floor(list.length / 3));
        const answered = list.filter((s) => s.reference);
        const cut = list.filter((s) => !s.reference);
        assert.ok(answered.length >= list.length / 3, 'the kill came after a third were answered');
        assert.ok(cut.length > 0, `the kill cut some submissions (${answered.length}/${list.length} answered)`);
        assert.ok(cut.every((s) => s.failure && !s.failure.startsWith('HTTP')), `only the kill failed requests: ${cut.map((s) => s.failure).join(', ')}`);

        // Back on the same data: healthy, and every answered submission is there for staff, before any retry.
        child = await startChild(data!);
        assert.equal((await child.fetch('/api/health')).status, 200);
        const listed = await staffReferences(child);
        const lost = answered.filter((s) => !listed.has(s.reference!)).length;
        totals.lost += lost;
        assert.equal(lost, 0, `${lost} of ${answered.length} submissions answered 201 are missing after the restart`);

        // The client retries what it never got an answer for, and a retry of an answered one gets the same answer.
        let replayed = 0;
        let committedUnanswered = 0;
        const wrong: string[] = [];
        await Promise.all(list.map(async (s) => {
          const again = await resend(child!, s);
          if (again.status !== 201) wrong.push(`${s.kind} ${s.marker}: retry answered ${again.status}`);
          if (s.reference) {
            if (again.reference === s.reference && again.replayed) replayed++;
            else wrong.push(`${s.kind} ${s.marker}: retry answered ${again.reference}, not the replayed ${s.reference}`);
          } else {
            if (again.replayed) committedUnanswered++;
            s.reference = again.reference;
          }
        }));
        await child.stop();
        child = undefined;

        const db = await data!.open();
        let stored = 0;
        let duplicated = 0;
        try {
          for (const s of list) {
            const refs = await storedFor(db, s);
            if (refs.length > 1) duplicated += refs.length - 1;
            if (refs.length >= 1) stored++;
            if (answered.includes(s) && !(refs.length === 1 && refs[0] === s.reference)) wrong.push(`${s.kind} ${s.marker}: stored as ${refs.join(', ')}, answered ${s.reference}`);
          }
        } finally {
          await db.close();
        }
        const counts = { submitted: list.length, created: answered.length, cut: cut.length, stored, lost, duplicated, replayed, committedUnanswered };
        console.log(`crash (${backend}) round ${round}: ${JSON.stringify(counts)}`);
        for (const k of Object.keys(totals) as (keyof Totals)[]) if (k !== 'lost') totals[k] += counts[k];
        assert.equal(duplicated, 0, 'duplicated');
        assert.equal(stored, list.length, 'every submission is stored once its retries are answered');
        assert.deepEqual(wrong, []);
      });
    }
  });
}
