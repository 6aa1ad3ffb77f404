/**
 * `POST /volunteering/signups`, inside the idempotency transaction: checks, then the signup, one booking per
 * chosen shift (each one conditional statement, ./places.ts), the messages, and the answer. A problem found after
 * writing (a shift that filled up meanwhile) undoes the writes and becomes the stored answer for the key.
 */
import { signupIssues, type SignupCreated, type SignupRequest } from '../../contract/volunteering.ts';
import { needsGuardian } from '../../contract/people.ts';
import type { FieldError } from '../../contract/common.ts';
import type { Queryable } from '../db/types.ts';
import { describeFieldError } from '../http/describe.ts';
import type { AppDeps } from '../http/env.ts';
import { verifyHumanCheck } from '../http/human-check.ts';
import type { HandlerResult } from '../http/idempotency.ts';
import { ProblemError } from '../http/problem.ts';
import { answerProblemsUndone } from '../http/savepoint.ts';
import { acceptedPageUrl } from './links.ts';
import { queueVolunteerMail } from './messages.ts';
import { bookPlace, lockPerson } from './places.ts';
import { findOpportunity, issueToken, SIGNUP_COLUMNS, signupBookings, type SignupRow } from './records.ts';
import { chosenShifts, personConflicts } from './shift-checks.ts';
import { signupStatus } from './shapes.ts';

const conflict = (detail: string, errors: FieldError[]) => new ProblemError(409, 'conflict', { detail, errors });

const blank = (text: string | undefined) => (text ? text : null);

async function insertSignup(tx: Queryable, body: SignupRequest, skills: string[], pageUrl: string | undefined, timeZone: string) {
  const minor = needsGuardian(body.ageBand);
  const g = minor ? body.guardian : undefined;
  const { rows } = await tx.query<SignupRow>(
    `INSERT INTO volunteer_signups (reference, opportunity_id, name, email, phone, age_band, guardian_name, guardian_email,
       guardian_phone, guardian_relationship, guardian_status, skills, availability, accessibility, locale, page_url)
     VALUES (kentro_next_reference('ΕΘ', $1),
       $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING ${SIGNUP_COLUMNS}`,
    [timeZone, body.opportunityId, body.name, body.email, blank(body.phone), body.ageBand, g?.name ?? null, g?.email ?? null,
      blank(g?.phone), blank(g?.relationship), minor ? 'pending' : 'not-needed', skills, blank(body.availability),
      blank(body.accessibility), body.locale ?? 'el', pageUrl ?? null],
  );
  return rows[0]!;
}

export async function createSignup(tx: Queryable, body: SignupRequest, deps: AppDeps): Promise<HandlerResult> {
  // Outside the savepoint on purpose: "too fast" must not become the stored answer for this key.
  verifyHumanCheck(body, deps);
  const { config } = deps;
  return answerProblemsUndone(tx, async () => {
    const opportunity = await findOpportunity(tx, body.opportunityId);
    if (!opportunity || opportunity.status !== 'open') {
      throw conflict('This opportunity is closed or does not exist.', [{ path: ['opportunityId'], code: 'invalid', message: describeFieldError('invalid') }]);
    }
    const issues = signupIssues(body, opportunity.min_age);
    if (issues.length) {
      throw new ProblemError(400, 'validation', {
        errors: issues.map((i) => ({ ...i, message: describeFieldError(i.code, i.params), ...(i.params ? { params: i.params } : {}) })),
      });
    }
    const { shifts, errors } = await chosenShifts(tx, body.opportunityId, body.shiftIds);
    if (errors.length) throw conflict('Some chosen shifts cannot be booked any more.', errors);

    const skills = [...new Set(body.skills ?? [])].filter((s) => opportunity.skills.includes(s));
    const signup = await insertSignup(tx, body, skills, acceptedPageUrl(body.pageUrl, config), config.timeZone);
    // The database's own folding of the address names the person (the same everywhere it is compared).
    await lockPerson(tx, signup.email_fold);
    const clashes = await personConflicts(tx, signup.email_fold, shifts);
    if (clashes.length) throw conflict('You already hold a shift at this time, or this very shift.', clashes);
    const manageToken = await issueToken(tx, signup.id, 'manage');

    // Shift rows are locked in ascending id order, as everywhere (./places.ts), so signups never deadlock. From the
    // first booking on, this transaction holds those rows until it commits, and every signup for the same shift
    // waits for it: only what needs the bookings comes after them, with no row read twice.
    const full: FieldError[] = [];
    for (const shift of [...shifts].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const booked = await bookPlace(tx, signup.id, shift.id, signup.email_fold);
      if (booked.status === 'waitlisted' && !body.waitlistIfFull) full.push({ path: ['shiftIds', shift.index], code: 'shiftFull', message: describeFieldError('shiftFull') });
    }
    if (full.length) throw conflict('A chosen shift is full. Choose another, or join its waitlist.', full.sort((a, b) => Number(a.path[1]) - Number(b.path[1])));

    const bookings = await signupBookings(tx, signup.id);
    const minor = needsGuardian(body.ageBand);
    const status = signupStatus({ guardian_status: minor ? 'pending' : 'not-needed' }, bookings);
    if (status === 'cancelled') throw new Error('a new signup has no bookings');
    const known = { signup, opportunity, bookings };
    if (minor) {
      await queueVolunteerMail(tx, config, signup.id, 'awaiting-guardian', undefined, known);
      await queueVolunteerMail(tx, config, signup.id, 'guardian-request', undefined, known);
    } else {
      await queueVolunteerMail(tx, config, signup.id, status === 'waitlisted' ? 'waitlisted' : 'confirmation', undefined, known);
    }

    const byShift = new Map(bookings.map((b) => [b.shift_id, b]));
    const created: SignupCreated = {
      reference: signup.reference,
      status,
      manageToken,
      bookings: body.shiftIds.map((id) => {
        const b = byShift.get(id)!;
        return { shiftId: id, status: b.status, ...(b.status === 'waitlisted' && b.position ? { position: Number(b.position) } : {}) };
      }),
    };
    return { status: 201, body: created };
  });
}
