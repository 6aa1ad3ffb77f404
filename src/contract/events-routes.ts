/**
 * The events calendar: occurrences in a window (series expanded in the centre's time zone), one occurrence, and
 * the same events as RFC 5545 iCalendar, a subscribable feed and one event or series to download.
 *
 * Ids: a one-off event's occurrence id is the event's id; an occurrence of a series is
 * `<seriesId>_<YYYYMMDDTHHMM>`, the series id and the occurrence's original local start (its RECURRENCE-ID),
 * so it stays the same when that occurrence is moved, cancelled or edited.
 */
import * as z from 'zod/mini';
import { Problem } from './common.ts';
import { EventList, EventOccurrence, EventsFeedQuery, EventsQuery } from './events.ts';
import { defineRoute } from './route.ts';

const describe = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description));

const CATEGORY = 'Only events of this category; repeat the parameter for several (`category=seminar&category=children`).';
const LOCATION =
  'Only events at this place (the id of `place`, a location UUID, or `online`); repeat the parameter for several. ' +
  'An unknown id matches nothing.';

export const EventsListQuery = z.extend(EventsQuery, {
  from: describe(EventsQuery.shape.from,
    'Start of the window: a date (`2026-03-01`, midnight in the centre\'s time zone) or a date-time, with an offset or ' +
    'read in the centre\'s time zone. Occurrences that are still running at `from` are included.'),
  to: describe(EventsQuery.shape.to,
    'End of the window, after `from` and at most 400 days later: a date includes that whole day (`to=2026-03-31` ends ' +
    'at midnight before 1 April), a date-time is exclusive.'),
  category: describe(EventsQuery.shape.category, CATEGORY),
  location: describe(EventsQuery.shape.location, LOCATION),
  q: describe(EventsQuery.shape.q,
    'Words that must all appear in the title or description. Accents, case and final sigma do not matter (`παιδια` finds `Παιδιά`).'),
});
export type EventsListQuery = z.output<typeof EventsListQuery>;

export const EventsCalendarQuery = z.extend(EventsFeedQuery, {
  category: describe(EventsFeedQuery.shape.category, CATEGORY),
  location: describe(EventsFeedQuery.shape.location, `${LOCATION} A series is in the feed when its own place matches.`),
});
export type EventsCalendarQuery = z.output<typeof EventsCalendarQuery>;

const EventParams = z.object({
  id: describe(z.string().check(z.maxLength(100)),
    'An occurrence id (`<seriesId>_<YYYYMMDDTHHMM>`), or the id of a one-off event or of a series (its next occurrence).'),
});
const EventFileParams = z.object({
  id: describe(z.string().check(z.maxLength(100)),
    'A series id (the whole series with its exceptions), a one-off event id, or an occurrence id (that occurrence alone).'),
});

const notFound = { description: 'No event with this id.', contentType: 'application/problem+json', schema: Problem } as const;
const calendar = (description: string) => ({ description, contentType: 'text/calendar', schema: z.string() }) as const;
const tags = ['events'] as const;

export const eventsRoutes = [
  defineRoute({
    method: 'get', path: '/events', operationId: 'listEvents', tags, query: EventsListQuery,
    summary: 'Occurrences in a window (at most 400 days), sorted by start; cancelled and postponed ones included with their status',
    responses: { 200: { description: 'The occurrences, with `from` and `to` as understood, in the centre\'s time zone.', schema: EventList } },
  }),
  defineRoute({
    method: 'get', path: '/events.ics', operationId: 'getEventsFeed', tags, query: EventsCalendarQuery,
    summary: 'Subscribable iCalendar feed (RFC 5545): each series once with RRULE, EXDATE and its changed occurrences; cancelled ones as STATUS:CANCELLED',
    responses: { 200: calendar('A VCALENDAR with the centre\'s VTIMEZONE.'), 304: { description: 'Unchanged since the `ETag` sent in `If-None-Match`.' } },
  }),
  defineRoute({
    method: 'get', path: '/events/{id}', operationId: 'getEvent', tags, params: EventParams,
    summary: 'One occurrence; for a series or one-off event id, its next occurrence that is not cancelled',
    responses: { 200: { description: 'The occurrence.', schema: EventOccurrence }, 404: notFound },
  }),
  defineRoute({
    method: 'get', path: '/events/{id}.ics', operationId: 'getEventFile', tags, params: EventFileParams,
    summary: 'One event, series or occurrence as an iCalendar file to add to a calendar',
    responses: { 200: calendar('A VCALENDAR, sent as an attachment.'), 404: notFound },
  }),
] as const;
