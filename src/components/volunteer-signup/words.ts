/** Shifts, places and statuses in words, in the centre's time zone. */
import type { Booking, VolunteerShift } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';

/** "Wednesday 2 December, 16:30–18:30". */
export const shiftWhen = (l: LocalizeController, shift: Pick<VolunteerShift, 'start' | 'end'>) =>
  l.dateRange(shift.start, shift.end, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

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
