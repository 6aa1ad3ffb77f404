/** Rows to the contract's shapes: shifts with places left, places, bookings and a signup's overall status. */
import type { Booking, SignupStatus, VolunteerPlace, VolunteerShift } from '../../contract/volunteering.ts';
import { isoInZone } from '../events/zone.ts';
import type { BookingRow, OpportunityRow, SignupRow } from './records.ts';

export interface ShiftFields {
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  filled: number;
  waitlist: number;
}

export const shiftOf = (id: string, s: ShiftFields, timeZone: string): VolunteerShift => ({
  id,
  start: isoInZone(s.starts_at.getTime(), timeZone),
  end: isoInZone(s.ends_at.getTime(), timeZone),
  capacity: s.capacity,
  placesLeft: Math.max(0, s.capacity - s.filled),
  waitlist: Number(s.waitlist),
});

export function placeOf(o: Pick<OpportunityRow, 'location_id' | 'place_name' | 'place_address' | 'place_city'>): VolunteerPlace | undefined {
  if (!o.location_id || !o.place_name) return undefined;
  return {
    id: o.location_id, name: o.place_name,
    ...(o.place_address ? { address: o.place_address } : {}), ...(o.place_city ? { city: o.place_city } : {}),
  };
}

/** The place in words: name, address, city. */
export const placeText = (o: OpportunityRow) => [o.place_name, o.place_address, o.place_city].filter(Boolean).join(', ') || undefined;

export const bookingOf = (b: BookingRow, timeZone: string): Booking => ({
  shift: shiftOf(b.shift_id, b, timeZone),
  status: b.status,
  ...(b.status === 'waitlisted' && b.position ? { position: Number(b.position) } : {}),
});

/**
 * A signup's status: cancelled when nothing is left; awaiting-guardian while a minor's guardian has not answered;
 * otherwise confirmed when a shift holds a place, else waitlisted.
 */
export function signupStatus(signup: Pick<SignupRow, 'guardian_status'>, bookings: readonly Pick<BookingRow, 'status'>[]): SignupStatus | 'cancelled' {
  const active = bookings.filter((b) => b.status !== 'cancelled');
  if (active.length === 0) return 'cancelled';
  if (signup.guardian_status === 'pending') return 'awaiting-guardian';
  return active.some((b) => b.status === 'confirmed') ? 'confirmed' : 'waitlisted';
}
