/** What a token shows: the volunteer's own page (first name only) and the guardian's request (no contact details). */
import type { GuardianView, SignupView } from '../../contract/volunteering.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import { findOpportunity, firstNameOf, signupBookings, type SignupRow } from './records.ts';
import { bookingOf, placeOf, shiftOf, signupStatus } from './shapes.ts';

async function loadAround(q: Queryable, signup: SignupRow) {
  const [opportunity, bookings] = await Promise.all([findOpportunity(q, signup.opportunity_id), signupBookings(q, signup.id)]);
  if (!opportunity) throw new Error('signup without opportunity');
  return { opportunity, bookings };
}

export async function signupView(q: Queryable, signup: SignupRow, timeZone: string): Promise<SignupView> {
  const { opportunity, bookings } = await loadAround(q, signup);
  const place = placeOf(opportunity);
  return {
    reference: signup.reference,
    status: signupStatus(signup, bookings),
    firstName: firstNameOf(signup.name),
    opportunity: {
      id: opportunity.id, role: opportunity.role,
      ...(opportunity.requirements ? { requirements: opportunity.requirements } : {}), ...(place ? { place } : {}),
    },
    bookings: bookings.map((b) => bookingOf(b, timeZone)),
    guardian: signup.guardian_status,
    createdAt: isoInZone(signup.created_at.getTime(), timeZone),
  };
}

export async function guardianView(q: Queryable, signup: SignupRow, timeZone: string): Promise<GuardianView> {
  const { opportunity, bookings } = await loadAround(q, signup);
  const place = placeOf(opportunity);
  const decision = signup.guardian_status === 'not-needed' ? 'confirmed' : signup.guardian_status;
  return {
    reference: signup.reference,
    minorFirstName: firstNameOf(signup.name),
    guardianName: signup.guardian_name ?? '',
    opportunity: {
      role: opportunity.role, description: opportunity.description,
      ...(opportunity.requirements ? { requirements: opportunity.requirements } : {}), ...(place ? { place } : {}),
    },
    shifts: bookings.map((b) => shiftOf(b.shift_id, b, timeZone)),
    decision,
  };
}
