/** Shifts, places and statuses in words, in the centre's time zone. */
import type { Booking, VolunteerShift } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';

/** Left-to-right isolate (U+2066 … U+2069): keeps "16:30–18:30" in that order inside right-to-left text. */
const ltr = (text: string) => `\u2066${text}\u2069`;

/**
 * "Wednesday 2 December, 16:30–18:30". The times are isolated as left-to-right, so Arabic reads 16:30–18:30 and
 * not 18:30–16:30; the isolate characters work in text and in accessible names alike.
 */
export function shiftWhen(l: LocalizeController, shift: Pick<VolunteerShift, 'start' | 'end'>): string {
  const day = l.date(shift.start, { weekday: 'long', day: 'numeric', month: 'long' });
  const sameDay = l.date(shift.start, { dateStyle: 'short' }) === l.date(shift.end, { dateStyle: 'short' });
  if (!sameDay) return l.dateRange(shift.start, shift.end, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  return `${day}, ${ltr(l.dateRange(shift.start, shift.end, { hour: '2-digit', minute: '2-digit' }))}`;
}

/** "3 places left" or "Full: join the waiting list (2 people waiting)". */
export function placesText(l: LocalizeController, shift: VolunteerShift): string {
  return shift.placesLeft > 0
    ? l.term('volunteer.placesLeft', { count: shift.placesLeft })
    : `${l.term('volunteer.full')} (${l.term('volunteer.waiting', { count: shift.waitlist })})`;
}

/** A booked shift's status; `held` when a minor's guardian has not agreed yet. */
export function bookingText(l: LocalizeController, booking: Pick<Booking, 'status' | 'position'>, held = false): string {
  if (booking.status === 'cancelled') return l.term('volunteer.statusCancelled');
  if (booking.status === 'waitlisted') return l.term('volunteer.statusWaitlisted', { position: booking.position ?? 1 });
  return held ? l.term('volunteer.statusHeld') : l.term('volunteer.statusConfirmed');
}

/** Where, in one line. */
export const placeText = (place?: { name: string; address?: string; city?: string }) =>
  place ? [place.name, place.address, place.city].filter(Boolean).join(', ') : '';
