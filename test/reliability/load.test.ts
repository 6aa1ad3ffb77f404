/**
 * Load: ten times a shift's capacity of people sign up at once, over real HTTP to the real server (a child
 * process), for several shifts at the same time; a third ask for two shifts at once (in either order, so two
 * transactions lock the same shifts in opposite orders). Half accept the waitlist. Then some confirmed people
 * cancel while a second wave signs up. Counted by the answers, by staff's list and by the database:
 * exactly `capacity` confirmed per shift, the rest waitlisted or refused with 409 `shiftFull`, zero overbooked.
 * PGlite, and PostgreSQL when DATABASE_URL is set; KENTRO_RELIABILITY_FULL=1 uses bigger shifts.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AdminSignupList, SignupCreated, VolunteerOpportunityList } from '../../src/contract/volunteering.ts';
import { bookingCounts, DAY, insertOpportunity, signupBody } from '../support/volunteering.ts';
import { backends } from '../support/server.ts';
import { CHILD_ADMIN_TOKEN, childData, startChild, type Child, type ChildData } from './child-server.ts';

const FULL = process.env.KENTRO_RELIABILITY_FULL === '1';
const CAPACITIES = FULL ? [10, 25, 40] : [4, 8, 12];
const DEMAND = 10;
/** Confirmed people of the first shift who cancel during the second wave. */
const CANCELS = FULL ? 8 : 3;

interface Person { email: string; shiftIds: string[]; waitlist: boolean; key: string }
interface Answer { person: Person; status: number; created?: SignupCreated; problem?: { type: string; errors?: { code: string }[] } }

const shuffle = <T>(items: T[]): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

const staff = { Authorization: `Bearer ${CHILD_ADMIN_TOKEN}` };

async function signUpAll(child: Child, opportunityId: string, people: Person[]): Promise<Answer[]> {
  return Promise.all(people.map(async (person) => {
    const body = signupBody(opportunityId, person.shiftIds, { email: person.email, waitlistIfFull: person.waitlist });
    const res = await child.fetch('/api/volunteering/signups', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': person.key }, body: JSON.stringify(body),
    });
    const json = await res.json();
    return res.status === 201 ? { person, status: 201, created: json as SignupCreated } : { person, status: res.status, problem: json as Answer['problem'] };
  }));
}

/** `count` people per shift; every third also asks for the next shift, listed first or second at random. */
function wave(shiftIds: string[], counts: number[], tag: string): Person[] {
  const people: Person[] = [];
  shiftIds.forEach((shiftId, i) => {
    for (let n = 0; n < counts[i]!; n++) {
      const other = shiftIds[(i + 1) % shiftIds.length]!;
      const two = n % 3 === 0 ? (Math.random() < 0.5 ? [shiftId, other] : [other, shiftId]) : [shiftId];
      people.push({ email: `load-${tag}-${i}-${n}@example.gr`, shiftIds: two, waitlist: n % 2 === 0, key: randomUUID() });
    }
  });
  return shuffle(people);
}

/** Per shift: places taken by the answers, and answers that are neither a booking nor a `shiftFull` refusal. */
function tally(answers: Answer[], shiftIds: string[]) {
  const confirmed = new Map(shiftIds.map((id) => [id, 0]));
  let waitlisted = 0;
  let shiftFull = 0;
  const other: string[] = [];
  for (const a of answers) {
    if (a.status === 201) {
      for (const b of a.created!.bookings) {
        if (b.status === 'confirmed') confirmed.set(b.shiftId, confirmed.get(b.shiftId)! + 1);
        else if (b.status === 'waitlisted') waitlisted++;
        else other.push(`booking ${b.status}`);
      }
      if (!a.person.waitlist && a.created!.bookings.some((b) => b.status === 'waitlisted')) other.push('waitlisted without asking');
    } else if (a.status === 409 && !a.person.waitlist && a.problem?.errors?.some((e) => e.code === 'shiftFull')) {
      shiftFull++;
    } else {
      other.push(`${a.status} ${JSON.stringify(a.problem)}`);
    }
  }
  return { confirmed, waitlisted, shiftFull, other };
}

for (const backend of backends()) {
  describe(`load: 10× a shift's capacity at once over HTTP (${backend})`, () => {
    let data: ChildData;
    let child: Child | undefined;
    let opportunityId: string;
    let shiftIds: string[];
    const counts = { requests: 0, confirmedBookings: 0, waitlistedBookings: 0, shiftFull: 0, cancelled: 0, other: 0, overbooked: 0 };

    before(async () => {
      data = await childData(backend);
      const db = await data.open();
      try {
        ({ opportunityId, shiftIds } = await insertOpportunity(db, {
          shifts: CAPACITIES.map((capacity, i) => ({ startsIn: (3 + i) * DAY, capacity })),
        }));
      } finally {
        await db.close();
      }
      child = await startChild(data, { KENTRO_SEED: 'off' });
    });

    after(async () => {
      await child?.kill9();
      await data.drop();
      console.log(`load (${backend}): ${JSON.stringify(counts)}`);
    });

    /** Places taken per shift as the public list shows them, and confirmed people as staff's list shows them. */
    const seen = async () => {
      const res = await child!.fetch('/api/volunteering/opportunities');
      const list = (await res.json()) as VolunteerOpportunityList;
      const shifts = list.items.find((o) => o.id === opportunityId)!.shifts;
      return Promise.all(shiftIds.map(async (id, i) => {
        const staffRes = await child!.fetch(`/api/admin/volunteering/signups?shiftId=${id}&status=confirmed&limit=1000`, { headers: staff });
        const confirmed = ((await staffRes.json()) as AdminSignupList).items.length;
        return { capacity: CAPACITIES[i]!, placesLeft: shifts.find((s) => s.id === id)!.placesLeft, confirmed };
      }));
    };

    let first: Answer[] = [];
    it('gives exactly each shift\'s capacity; everyone else is waitlisted or told the shift is full', async () => {
      const people = wave(shiftIds, CAPACITIES.map((c) => c * DEMAND), 'a');
      first = await signUpAll(child!, opportunityId, people);
      const t = tally(first, shiftIds);
      counts.requests += people.length;
      counts.confirmedBookings += [...t.confirmed.values()].reduce((a, b) => a + b, 0);
      counts.waitlistedBookings += t.waitlisted;
      counts.shiftFull += t.shiftFull;
      counts.other += t.other.length;
      assert.deepEqual(t.other, [], 'no other answers');
      assert.deepEqual([...t.confirmed.values()], CAPACITIES, 'confirmed answers per shift');
      assert.ok(t.waitlisted > 0 && t.shiftFull > 0);
      const now = await seen();
      counts.overbooked += now.reduce((n, s) => n + Math.max(0, s.confirmed - s.capacity), 0);
      assert.deepEqual(now, CAPACITIES.map((capacity) => ({ capacity, placesLeft: 0, confirmed: capacity })));
    });

    it('stays at capacity when people cancel while a second wave signs up', async () => {
      const leaving = first.filter((a) => a.created?.bookings.some((b) => b.shiftId === shiftIds[0] && b.status === 'confirmed')).slice(0, CANCELS);
      assert.equal(leaving.length, CANCELS);
      const people = wave(shiftIds, CAPACITIES.map((c) => c * 2), 'b');
      const [cancels, second] = await Promise.all([
        Promise.all(leaving.map((a) => child!.fetch(`/api/volunteering/signups/${a.created!.manageToken}?shiftId=${shiftIds[0]}`, { method: 'DELETE' }).then((r) => r.status))),
        signUpAll(child!, opportunityId, people),
      ]);
      assert.deepEqual(cancels, leaving.map(() => 200));
      const t = tally(second, shiftIds);
      counts.requests += people.length + leaving.length;
      counts.cancelled += leaving.length;
      counts.confirmedBookings += [...t.confirmed.values()].reduce((a, b) => a + b, 0);
      counts.waitlistedBookings += t.waitlisted;
      counts.shiftFull += t.shiftFull;
      counts.other += t.other.length;
      assert.deepEqual(t.other, [], 'no other answers');
      const now = await seen();
      counts.overbooked += now.reduce((n, s) => n + Math.max(0, s.confirmed - s.capacity), 0);
      assert.deepEqual(now, CAPACITIES.map((capacity) => ({ capacity, placesLeft: 0, confirmed: capacity })), 'freed places were taken again, none twice');
    });

    it('holds the same counts in the database: filled = confirmed = capacity', async () => {
      await child!.stop();
      child = undefined;
      const db = await data.open();
      try {
        for (const [i, id] of shiftIds.entries()) {
          const c = await bookingCounts(db, id);
          counts.overbooked += Math.max(0, c.filled - CAPACITIES[i]!, c.confirmed - CAPACITIES[i]!);
          assert.equal(c.filled, CAPACITIES[i], `shift ${i} filled`);
          assert.equal(c.confirmed, CAPACITIES[i], `shift ${i} confirmed`);
          assert.equal(c.cancelled, i === 0 ? CANCELS : 0);
        }
      } finally {
        await db.close();
      }
      assert.equal(counts.overbooked, 0);
    });
  });
}
