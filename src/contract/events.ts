/**
 * Events, seminars, children's activities and the mobile unit's village visits. The server expands recurring
 * series (RRULE, EXDATE, per-occurrence overrides) in the centre's time zone and answers occurrences; the
 * calendar widget renders them and also merges a council's external iCalendar feed.
 */
import * as z from 'zod/mini';
import { EVENT_CATEGORIES, EVENT_STATUSES } from './events-values.ts';

export * from './events-values.ts';

export const EventCategory = z.enum(EVENT_CATEGORIES);
export type EventCategory = z.infer<typeof EventCategory>;

export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

/** Where an event happens; `village` places are the mobile unit's stops. */
export const EventPlace = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['centre', 'branch', 'village', 'online', 'other']),
  address: z.optional(z.string()),
  city: z.optional(z.string()),
});
export type EventPlace = z.infer<typeof EventPlace>;

/** How to take part: no registration, open with places, full, or an external link. */
export const Registration = z.object({
  kind: z.enum(['none', 'open', 'full', 'link']),
  /** Free text from the centre, e.g. "call 24310 55100". */
  note: z.optional(z.string()),
  placesLeft: z.optional(z.number().check(z.int(), z.gte(0))),
  capacity: z.optional(z.number().check(z.int(), z.gte(0))),
  url: z.optional(z.string()),
});
export type Registration = z.infer<typeof Registration>;

/** One occurrence. `id` is stable per occurrence (series id + local start), `seriesId` groups a series. */
export const EventOccurrence = z.object({
  id: z.string(),
  seriesId: z.string(),
  title: z.string(),
  description: z.string(),
  category: EventCategory,
  status: EventStatus,
  /** Why it is cancelled, postponed or moved; for people, in the centre's language. */
  statusNote: z.optional(z.string()),
  /** ISO 8601 with offset, e.g. `2026-03-03T10:00:00+02:00`. */
  start: z.string(),
  end: z.string(),
  allDay: z.optional(z.boolean()),
  /** For a moved occurrence: when it was originally planned. */
  originalStart: z.optional(z.string()),
  place: z.optional(EventPlace),
  accessibility: z.optional(z.string()),
  /** ISO 639-1 codes of the languages used. */
  languages: z.optional(z.array(z.string())),
  registration: Registration,
  /** The HSDS service (programme) the event belongs to. */
  serviceId: z.optional(z.string()),
  /** True when the series repeats. */
  recurring: z.optional(z.boolean()),
});
export type EventOccurrence = z.infer<typeof EventOccurrence>;

export const EventList = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(EventOccurrence),
});
export type EventList = z.infer<typeof EventList>;

/** `GET /events`: a window (dates `YYYY-MM-DD` or ISO date-times, at most 400 days) and filters. */
export const EventsQuery = z.object({
  from: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'date')),
  to: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'date')),
  category: z.optional(z.union([EventCategory, z.array(EventCategory)])),
  location: z.optional(z.union([z.string(), z.array(z.string())])),
  q: z.optional(z.string().check(z.maxLength(200))),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** `GET /events.ics`: the subscribable feed, filterable like the list. */
export const EventsFeedQuery = z.object({
  category: z.optional(z.union([EventCategory, z.array(EventCategory)])),
  location: z.optional(z.union([z.string(), z.array(z.string())])),
});
