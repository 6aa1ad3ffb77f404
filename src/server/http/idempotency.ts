/**
 * Idempotent POSTs (CONTRACT.md): exactly one effect per `Idempotency-Key`, even when the client retries after
 * a lost response, the server dies half-way, or several servers share the database.
 *
 * Everything happens in ONE transaction with the handler's domain writes:
 * 1. `pg_try_advisory_xact_lock(hash of scope and key)`. Not granted: another attempt with this key is running
 *    right now (on this server or another): 409 with `Retry-After: 1`. The lock belongs to the transaction, so
 *    PostgreSQL releases it when that attempt commits, rolls back, or its connection dies: a key whose server
 *    was killed mid-request is free as soon as the database notices the connection is gone (at once for a closed
 *    socket), with no lease to wait out.
 * 2. Holding the lock, read the key. Stored: the same request replays its answer (`Idempotent-Replayed: true`),
 *    another body is 422. A `running` row (left by an older version's crash) never committed an effect: deleted.
 * 3. Not stored: run the handler and store its answer with it; commit ⇒ effect and stored answer together, or
 *    neither. A handler that throws or answers 5xx rolls back and stores nothing, so a retry runs afresh.
 *
 * Handlers never see this: they are `(tx, input, c) => Promise<HandlerResult>` (see `route()`), and must use
 * only `tx` for database work (on PGlite `db.query` inside the transaction would wait forever). On PGlite,
 * transactions run one at a time, so a concurrent retry waits for the first and then replays it.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Database, Queryable } from '../db/types.ts';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import type { AppEnv } from './env.ts';
import { problem } from './problem.ts';

/** What an idempotent handler returns; it is stored and replayed verbatim (JSON body). */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request's key, lower-cased, or undefined when missing or not a UUID. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header(IDEMPOTENCY_HEADER)?.trim();
  return key && UUID.test(key) ? key.toLowerCase() : undefined;
}

/** JSON with object keys sorted at every level, so equal values hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint a key is bound to: the path parameters and the JSON body as sent. */
export const requestHash = (params: unknown, body: unknown) =>
  createHash('sha256').update(canonicalJson({ params: params ?? {}, body: body ?? null })).digest('hex');

interface StoredKey {
  request_hash: string;
  state: 'running' | 'done';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

class Unstored extends Error {
  constructor(readonly result: HandlerResult) {
    super('5xx result');
  }
}

function toResponse(status: number, headers: Record<string, string>, body: string | null, replayed: boolean) {
  const h = new Headers(headers);
  if (replayed) h.set('Idempotent-Replayed', 'true');
  return new Response(status === 204 || status === 304 ? null : body, { status, headers: h });
}

const serialise = (r: HandlerResult) => ({
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...r.headers },
  body: r.body === undefined ? null : JSON.stringify(r.body),
});

export interface IdempotencyOptions {
  db: Database;
  log: Logger;
}

type Outcome =
  | { kind: 'busy' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; stored: StoredKey }
  | { kind: 'fresh'; result: HandlerResult };

/** Runs `work` at most once per (key, scope); see the module comment. */
export async function runIdempotent(
  c: Context<AppEnv>,
  opts: IdempotencyOptions,
  key: { key: string; scope: string; hash: string },
  work: (tx: Queryable) => Promise<HandlerResult>,
): Promise<Response> {
  const ids = [key.key, key.scope];
  let outcome: Outcome;
  try {
    outcome = await opts.db.transaction(async (tx): Promise<Outcome> => {
      const { rows: [lock] } = await tx.query<{ granted: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS granted', [`${key.scope}\n${key.key}`],
      );
      if (!lock?.granted) return { kind: 'busy' };
      const { rows: [stored] } = await tx.query<StoredKey>(
        `SELECT request_hash, state, response_status, response_headers, response_body
           FROM idempotency_keys WHERE key = $1 AND scope = $2`,
        ids,
      );
      if (stored?.state === 'done') return stored.request_hash === key.hash ? { kind: 'replay', stored } : { kind: 'mismatch' };
      if (stored) {
        await tx.query('DELETE FROM idempotency_keys WHERE key = $1 AND scope = $2', ids);
        opts.log.warn('idempotency key of an attempt that died taken over', { scope: key.scope });
      }
      const result = await work(tx);
      if (result.status >= 500) throw new Unstored(result);
      const { headers, body } = serialise(result);
      await tx.query(
        `INSERT INTO idempotency_keys (key, scope, request_hash, state, lease, response_status, response_headers, response_body, completed_at)
         VALUES ($1, $2, $3, 'done', gen_random_uuid(), $4, $5::jsonb, $6, now())`,
        [...ids, key.hash, result.status, JSON.stringify(headers), body],
      );
      return { kind: 'fresh', result };
    });
  } catch (err) {
    if (!(err instanceof Unstored)) throw err;
    const { headers, body } = serialise(err.result);
    return toResponse(err.result.status, headers, body, false);
  }
  switch (outcome.kind) {
    case 'busy':
      return problem(c, 409, 'idempotencyConflict', { detail: 'Wait a moment and retry with the same key.', headers: { 'Retry-After': '1' } });
    case 'mismatch':
      return problem(c, 422, 'idempotencyMismatch', { detail: 'Make a new Idempotency-Key for a different request.' });
    case 'replay': {
      const { stored } = outcome;
      return toResponse(stored.response_status!, stored.response_headers ?? {}, stored.response_body, true);
    }
    case 'fresh': {
      const { headers, body } = serialise(outcome.result);
      return toResponse(outcome.result.status, headers, body, false);
    }
  }
}

/** Deletes keys older than `ttlMs`; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Queryable, ttlMs: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < now() - ($1::bigint * interval '1 millisecond') RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [ttlMs],
  );
  return rows[0]?.n ?? 0;
}

/** Purges expired keys every `everyMs` (unref'd timer); returns a function that stops it. */
export function startIdempotencyCleanup(db: Queryable, log: Logger, ttlMs: number, everyMs = 60 * 60_000): () => void {
  const timer = setInterval(() => {
    purgeExpiredIdempotencyKeys(db, ttlMs)
      .then((n) => n > 0 && log.info('idempotency keys purged', { count: n }))
      .catch((err: unknown) => log.error('idempotency cleanup failed', errorFields(err)));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
