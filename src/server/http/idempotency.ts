/**
 * Idempotent POSTs (CONTRACT.md): exactly one effect per `Idempotency-Key`, even when the client retries after
 * a lost response or the server dies half-way.
 *
 * 1. Reserve: `INSERT … state='running', lease=<random> ON CONFLICT DO NOTHING`, in its own statement.
 * 2. Run the handler in ONE transaction with its domain writes; the transaction's last statement marks the key
 *    `done` with the response, `WHERE key AND scope AND lease = ours`. Zero rows (a retry took the key over)
 *    throws, so the domain writes roll back. Commit ⇒ effect and stored response together, or neither.
 * 3. A key found `done` replays the stored response (`Idempotent-Replayed: true`); same key with another body
 *    is 422; a `running` key is 409, unless older than the lease timeout: its first attempt never committed
 *    (it would be `done` otherwise), so a retry takes it over with a new lease.
 * 4. A handler that throws or answers 5xx leaves nothing behind: its key is deleted so a retry runs afresh.
 *
 * Handlers never see this: they are `(tx, input, c) => Promise<HandlerResult>` (see `route()`), and must use
 * only `tx` for database work (on PGlite `db.query` inside the transaction would wait forever).
 */
import { createHash, randomUUID } from 'node:crypto';
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
  lease: string;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  stale: boolean;
}

class LeaseLost extends Error {}
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
  leaseMs: number;
}

/** Runs `work` at most once per (key, scope); see the module comment. */
export async function runIdempotent(
  c: Context<AppEnv>,
  opts: IdempotencyOptions,
  key: { key: string; scope: string; hash: string },
  work: (tx: Queryable) => Promise<HandlerResult>,
): Promise<Response> {
  const { db, log } = opts;
  const ids = [key.key, key.scope];

  const execute = async (lease: string): Promise<Response> => {
    try {
      const result = await db.transaction(async (tx) => {
        const r = await work(tx);
        if (r.status >= 500) throw new Unstored(r);
        const { headers, body } = serialise(r);
        const done = await tx.query(
          `UPDATE idempotency_keys
              SET state = 'done', response_status = $4, response_headers = $5::jsonb, response_body = $6, completed_at = now()
            WHERE key = $1 AND scope = $2 AND lease = $3 AND state = 'running'
        RETURNING key`,
          [...ids, lease, r.status, JSON.stringify(headers), body],
        );
        if (done.rows.length !== 1) throw new LeaseLost();
        return r;
      });
      const { headers, body } = serialise(result);
      return toResponse(result.status, headers, body, false);
    } catch (err) {
      if (err instanceof LeaseLost) {
        return problem(c, 409, 'idempotencyConflict', { detail: 'A later retry with this key took over; its response stands.' });
      }
      await db
        .query(`DELETE FROM idempotency_keys WHERE key = $1 AND scope = $2 AND lease = $3 AND state = 'running'`, [...ids, lease])
        .catch((e: unknown) => log.error('idempotency key release failed', errorFields(e)));
      if (err instanceof Unstored) {
        const { headers, body } = serialise(err.result);
        return toResponse(err.result.status, headers, body, false);
      }
      throw err;
    }
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    const lease = randomUUID();
    const reserved = await db.query(
      `INSERT INTO idempotency_keys (key, scope, request_hash, state, lease) VALUES ($1, $2, $3, 'running', $4)
       ON CONFLICT (key, scope) DO NOTHING RETURNING lease`,
      [...ids, key.hash, lease],
    );
    if (reserved.rows.length === 1) return execute(lease);

    const found = await db.query<StoredKey>(
      `SELECT request_hash, state, lease, response_status, response_headers, response_body,
              started_at < now() - ($3::integer * interval '1 millisecond') AS stale
         FROM idempotency_keys WHERE key = $1 AND scope = $2`,
      [...ids, opts.leaseMs],
    );
    const stored = found.rows[0];
    if (!stored) continue; // its first attempt failed and released it meanwhile: reserve again
    if (stored.request_hash !== key.hash) {
      return problem(c, 422, 'idempotencyMismatch', { detail: 'Make a new Idempotency-Key for a different request.' });
    }
    if (stored.state === 'done') {
      return toResponse(stored.response_status!, stored.response_headers ?? {}, stored.response_body, true);
    }
    if (!stored.stale) {
      return problem(c, 409, 'idempotencyConflict', { detail: 'Wait a moment and retry with the same key.', headers: { 'Retry-After': '1' } });
    }
    const taken = await db.query(
      `UPDATE idempotency_keys SET lease = $3, started_at = now()
        WHERE key = $1 AND scope = $2 AND state = 'running' AND lease = $4 RETURNING lease`,
      [...ids, lease, stored.lease],
    );
    if (taken.rows.length === 1) {
      log.warn('idempotency lease taken over', { scope: key.scope });
      return execute(lease);
    }
  }
  return problem(c, 409, 'idempotencyConflict', { detail: 'Wait a moment and retry with the same key.', headers: { 'Retry-After': '1' } });
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
