/**
 * The four endpoints the server bench loads, and one autocannon run against one of them. POST bodies are made per
 * request (`setupRequest`): each carries a new email address and a fresh `Idempotency-Key`, so every request is a
 * new signup or intake request, never a replay.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { SEED_NOW, type Target } from './database.ts';

export interface Endpoint {
  key: 'search' | 'events' | 'signup' | 'intake';
  /** As printed: method and path with a sample query. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** A new body for every request (POST). */
  body?: (target: Target, n: number) => unknown;
}

/** The month around `now` in Athens, as the calendar widget asks for it (`from` and `to` are dates). */
export function monthWindow(now: Date): { from: string; to: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric', month: '2-digit' })
    .format(now).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` };
}

/** The Greek word searched for: it needs folding (accent) and matches several of the demo's programmes. */
export const SEARCH_WORD = 'παιδιά';

let counter = 0;
/** A number no other request of this process has used. */
const next = () => ++counter;

export function endpoints(): Endpoint[] {
  const { from, to } = monthWindow(SEED_NOW);
  return [
    { key: 'search', label: `GET /api/hsds/services?search=${SEARCH_WORD}`, method: 'GET', path: `/api/hsds/services?search=${encodeURIComponent(SEARCH_WORD)}` },
    { key: 'events', label: `GET /api/events?from=${from}&to=${to}`, method: 'GET', path: `/api/events?from=${from}&to=${to}` },
    {
      key: 'signup', label: 'POST /api/volunteering/signups', method: 'POST', path: '/api/volunteering/signups',
      body: (t, n) => ({
        opportunityId: t.opportunityId, shiftIds: [t.shiftId], name: 'Ελένη Παπαδοπούλου', email: `bench-${process.pid}-${n}@example.org`,
        ageBand: '21-64', consent: true, locale: 'el', website: '',
      }),
    },
    {
      key: 'intake', label: 'POST /api/intake/requests', method: 'POST', path: '/api/intake/requests',
      body: (t, n) => ({
        needs: [t.needId], description: 'Χρειάζομαι βοήθεια με την αίτηση για το επίδομα στέγασης.',
        about: { name: 'Γιώργος Αντωνίου', ageBand: '30-44', area: 'Λιβάδι' },
        contact: { methods: ['email'], email: `bench-${process.pid}-${n}@example.org`, days: ['mon', 'wed'], times: ['morning'], consent: true },
        language: { preferred: 'el' }, locale: 'el', website: '',
      }),
    },
  ];
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  total: number;
  /** Status codes other than 2xx, with counts, e.g. `409×3`. */
  statuses: string;
}

export async function load(url: string, endpoint: Endpoint, target: Target, seconds: number, connections: number): Promise<LoadResult> {
  const { body } = endpoint;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{
      method: endpoint.method,
      path: endpoint.path,
      ...(body ? {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { ...req.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(body(target, next())),
        }),
      } : {}),
    }],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(', ');
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
    statuses,
  };
}
