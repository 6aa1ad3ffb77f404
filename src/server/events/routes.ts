/** Mounts the events calendar (`/api/events…`): public, read-only, cacheable for a minute (the feed five). */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { eventsRoutes } from '../../contract/events-routes.ts';
import type { App, AppDeps, AppEnv } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import { route } from '../http/route.ts';
import { Expander } from './expand.ts';
import { calendarOf, occurrenceCalendar, uidHostOf } from './ics.ts';
import { getOccurrence, listOccurrences, parseOccurrenceId } from './occurrences.ts';
import { centreName, loadEvents } from './store.ts';
import { parseWindow } from './window.ts';

const CACHE = 'public, max-age=60';
const FEED_CACHE = 'public, max-age=300';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
/** One-off events that ended longer ago than this leave the feed (series stay whole). */
const FEED_HISTORY_MS = 365 * 86_400_000;

const list = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

const notFound = () => new ProblemError(404, 'notFound', { detail: 'No event with this id.' });

/** A calendar body with a strong ETag; 304 when the client has it already. */
function calendarResponse(c: Context<AppEnv>, body: string, headers: Record<string, string>): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const all = { 'Content-Type': CALENDAR_TYPE, ETag: etag, ...headers };
  const match = c.req.header('If-None-Match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, all);
  return c.body(body, 200, all);
}

export function mountEventsRoutes(app: App, { db, config }: AppDeps) {
  const [listDef, feedDef, oneDef, fileDef] = eventsRoutes;
  const timeZone = config.timeZone;

  route(app, listDef, async ({ query }, c) => {
    const window = parseWindow(query.from, query.to, timeZone);
    if (!window.ok) throw new ProblemError(400, 'validation', { detail: 'The window is not valid.', errors: window.errors });
    const body = await listOccurrences(db, timeZone, window, { categories: list(query.category), locations: list(query.location), q: query.q });
    return c.json(body, 200, { 'Cache-Control': CACHE });
  });

  route(app, feedDef, async ({ query }, c) => {
    const now = Date.now();
    const [events, name] = await Promise.all([
      loadEvents(db, {
        categories: list(query.category), locations: list(query.location), ownPlaceOnly: true,
        oneOffsEndingAfter: new Date(now - FEED_HISTORY_MS),
      }),
      centreName(db),
    ]);
    const body = calendarOf(events, {
      timeZone, now, uidHost: uidHostOf(c.req.url), calendarName: name ? `${name}: Εκδηλώσεις` : 'Kentro: Εκδηλώσεις',
    });
    return calendarResponse(c, body, { 'Cache-Control': FEED_CACHE, 'Content-Disposition': 'inline; filename="events.ics"' });
  });

  route(app, oneDef, async ({ params }, c) => {
    const occurrence = await getOccurrence(db, timeZone, params.id);
    if (!occurrence) throw notFound();
    return c.json(occurrence, 200, { 'Cache-Control': CACHE });
  });

  route(app, fileDef, async ({ params }, c) => {
    const parsed = parseOccurrenceId(params.id);
    if (!parsed) throw notFound();
    const events = await loadEvents(db, { ids: [parsed.seriesId] });
    const series = events.series[0];
    if (!series) throw notFound();
    const options = { timeZone, uidHost: uidHostOf(c.req.url) };
    let body: string;
    if (parsed.rid === undefined) body = calendarOf(events, options);
    else {
      const expander = new Expander(series, timeZone);
      if (!expander.recurring || !expander.isOccurrence(parsed.rid)) throw notFound();
      body = occurrenceCalendar(series, expander.instance(parsed.rid), events.locations, options);
    }
    const filename = `${params.id.replace(/[^\w-]/g, '')}.ics`;
    return calendarResponse(c, body, { 'Cache-Control': CACHE, 'Content-Disposition': `attachment; filename="${filename}"` });
  });
}
