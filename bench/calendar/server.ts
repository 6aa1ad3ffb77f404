/**
 * A tiny events server for the benchmark: `GET /events?from=&to=` answers `{ timeZone, from, to, items }`
 * (`EventList` of `src/contract/events.ts`) with the generated occurrences that overlap the window, and every
 * other path is a file of the built bench page. Answers are serialised once per window and then served from memory.
 */
import http from 'node:http';
import { listen, serveStatic } from '../support/static-server.ts';
import type { EventOccurrence } from '../../src/contract/events.ts';

export const TIME_ZONE = 'Europe/Athens';

/** A `YYYY-MM-DD` bound is local midnight in Athens: compare by local date; a date-time bound by instant. */
function overlaps(e: EventOccurrence, from: string, to: string) {
  const startOk = to.length === 10 ? e.start.slice(0, 10) < to : Date.parse(e.start) < Date.parse(to);
  const endOk = from.length === 10 ? e.end.slice(0, 10) >= from : Date.parse(e.end) > Date.parse(from);
  return startOk && endOk;
}

export interface BenchServer { url: string; close(): Promise<void>; requests: string[] }

export async function startBenchServer(events: readonly EventOccurrence[], staticDir: string): Promise<BenchServer> {
  const cache = new Map<string, string>();
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    const path = url.pathname;
    if (path === '/api/events') {
      const from = url.searchParams.get('from');
      const to = url.searchParams.get('to');
      if (!from || !to) {
        res.writeHead(400, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400 }));
        return;
      }
      requests.push(`${from}..${to}`);
      const key = `${from}|${to}`;
      let body = cache.get(key);
      if (body === undefined) cache.set(key, (body = JSON.stringify({ timeZone: TIME_ZONE, from, to, items: events.filter((e) => overlaps(e, from, to)) })));
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    await serveStatic(res, staticDir, path, 'bench/calendar/index.html');
  });
  return { ...(await listen(server)), requests };
}
