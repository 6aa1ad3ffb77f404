/**
 * The part of iCalendar writing every Kentro calendar shares (the events feed, a volunteer's shifts): a VCALENDAR
 * with the centre zone's VTIMEZONE, local DATE-TIMEs with its TZID, UIDs on the API's host, and RFC 5545 folding.
 */
import ICAL from 'ical.js';
import { vtimezone } from './vtimezone.ts';
import { toWall, wallParts, type WallMs } from './zone.ts';

export interface ZonedCalendarOptions {
  timeZone: string;
  /** The right-hand side of UIDs: `<id>@<uidHost>`. */
  uidHost: string;
  /** X-WR-CALNAME of a feed; omitted for single files. */
  calendarName?: string;
  now?: number;
}

/** The host for UIDs: the API's host name when it is a real domain, else `kentro`. */
export function uidHostOf(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(host) ? host : 'kentro';
}

/** ical.js folds at 75 octets of content plus the leading space (76); RFC 5545 allows 75 in all. */
export function stringify(component: ICAL.Component): string {
  const previous = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${component.toString()}\r\n`;
  } finally {
    ICAL.foldLength = previous;
  }
}

export const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true);

export class ZonedCalendar {
  readonly calendar = new ICAL.Component('vcalendar');
  private zone: ICAL.Timezone | undefined;

  constructor(protected readonly options: ZonedCalendarOptions, prodid: string) {
    const c = this.calendar;
    c.updatePropertyWithValue('prodid', prodid);
    c.updatePropertyWithValue('version', '2.0');
    c.updatePropertyWithValue('calscale', 'GREGORIAN');
    if (options.calendarName) {
      c.updatePropertyWithValue('x-wr-calname', options.calendarName);
      c.updatePropertyWithValue('x-wr-timezone', options.timeZone);
      c.updatePropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H')); // written with VALUE=DURATION
      c.updatePropertyWithValue('x-published-ttl', 'PT1H');
    }
  }

  /** Adds the VTIMEZONE covering `years`; call once, before any event. */
  addTimezone(firstYear: number, lastYear: number) {
    const now = new Date(this.options.now ?? Date.now()).getUTCFullYear();
    const vtz = ICAL.Component.fromString(vtimezone(this.options.timeZone, firstYear, Math.max(lastYear, now + 2)));
    this.zone = new ICAL.Timezone(vtz);
    this.calendar.addSubcomponent(vtz);
  }

  /** A local DATE-TIME with TZID. */
  local(wall: WallMs): ICAL.Time {
    return ICAL.Time.fromData({ ...wallParts(wall), isDate: false }, this.zone);
  }

  at(instant: number): ICAL.Time {
    return this.local(toWall(instant, this.options.timeZone));
  }

  uid(id: string) {
    return `${id}@${this.options.uidHost}`;
  }

  toString() {
    return stringify(this.calendar);
  }
}
