/**
 * Seeded occurrences for the calendar bench: `perMonth` single-day timed events in each given month, in
 * Europe/Athens with explicit offsets (+02:00, and +03:00 from the last Sunday of March to the last Sunday of
 * October, so March 2026 crosses the DST change on the 29th). Every event starts between 08:00 and 19:30 local
 * time and ends the same day, so each one is exactly one event element in a month grid.
 */
import type { EventOccurrence } from '../../src/contract/events.ts';

const CATEGORIES = ['seminar', 'children', 'information-day', 'mobile-unit', 'volunteering', 'community', 'other'] as const;
const STATUSES = ['scheduled', 'scheduled', 'scheduled', 'scheduled', 'scheduled', 'scheduled', 'cancelled', 'postponed', 'moved-online'] as const;
const TITLES = ['Σεμινάριο γονέων', 'Εργαστήρι για παιδιά', 'Ημέρα ενημέρωσης ΚΕΑ', 'Κινητή μονάδα', 'Εθελοντική δράση',
  'Συμβουλευτική στέγασης', 'Μαθήματα ελληνικών', 'Counselling drop-in', 'Ομάδα στήριξης', 'Ψηφιακές δεξιότητες'];
const PLACES = [
  { id: 'centre', name: 'Κέντρο Κοινότητας', kind: 'centre' as const },
  { id: 'branch', name: 'Παράρτημα Ρομά', kind: 'branch' as const },
  { id: 'v1', name: 'Καλαμπάκα', kind: 'village' as const },
  { id: 'v2', name: 'Πύλη', kind: 'village' as const },
  { id: 'online', name: 'Διαδικτυακά', kind: 'online' as const },
];

/** Mulberry32. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Last Sunday of a month (1-based month), as a day of the month. */
const lastSunday = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
};
/** Athens' UTC offset on a local day (the switch happens at 03:00/04:00, outside the events' hours). */
function athensOffset(year: number, month: number, day: number) {
  const afterStart = month > 3 || (month === 3 && day >= lastSunday(year, 3));
  const beforeEnd = month < 10 || (month === 10 && day < lastSunday(year, 10));
  return afterStart && beforeEnd ? '+03:00' : '+02:00';
}

/** `perMonth` occurrences in each `YYYY-MM` month, sorted by start. */
export function generateEvents(months: readonly string[], perMonth: number, seed = 4): EventOccurrence[] {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const items: EventOccurrence[] = [];
  for (const ym of months) {
    const [year, month] = ym.split('-').map(Number) as [number, number];
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let i = 0; i < perMonth; i++) {
      const day = 1 + (i % days);
      const startMin = 8 * 60 + Math.floor(random() * 24) * 30;
      const endMin = Math.min(startMin + 30 + Math.floor(random() * 4) * 30, 23 * 60 + 30);
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const off = athensOffset(year, month, day);
      const status = pick(STATUSES);
      const seriesId = `s-${ym}-${i % 97}`;
      items.push({
        id: `${seriesId}-${date}-${i}`, seriesId, title: `${pick(TITLES)} ${i + 1}`, description: 'Γενική περιγραφή της δράσης.',
        category: pick(CATEGORIES), status, ...(status === 'scheduled' ? {} : { statusNote: 'Λόγω καιρού' }),
        start: `${date}T${pad(Math.floor(startMin / 60))}:${pad(startMin % 60)}:00${off}`,
        end: `${date}T${pad(Math.floor(endMin / 60))}:${pad(endMin % 60)}:00${off}`,
        place: pick(PLACES), languages: ['el'], registration: { kind: 'none' }, recurring: true,
      });
    }
  }
  return items.sort((a, b) => a.start.localeCompare(b.start));
}
