/**
 * Fixed-window counters in the database (`rate_counters`), shared by every server process: the public POST limit,
 * the staff-token lockout and the referral status-code guess limit hold across a cluster and across restarts.
 *
 * One statement counts a hit and answers how many there were (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so
 * concurrent hits on several servers are all counted (the row lock orders them). The subject (a client address) is
 * stored as an HMAC under a secret of this installation: no address is kept, and ended windows are deleted by the jobs.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.ts';
import { ensureSetting } from '../settings.ts';

const SECRET_SETTING = 'limits.secret';

export type LimitBucket = 'post' | 'admin-failure' | 'referral-status-failure';

export interface Limiter {
  /** Seconds until `subject` may try again, or 0 while it is under the limit. Counts nothing. */
  blockedFor(subject: string): Promise<number>;
  /** Counts one hit; the seconds to wait when this hit is over the limit, else 0. */
  hit(subject: string): Promise<number>;
  /** Forgets `subject`'s hits in the current window. */
  reset(subject: string): Promise<void>;
}

export class Limits {
  private constructor(private readonly db: Queryable, private readonly secret: Buffer) {}

  /** Loads (or creates, once for all servers) the secret subjects are hashed with. */
  static async load(db: Queryable): Promise<Limits> {
    const { value } = await ensureSetting(db, SECRET_SETTING, () => randomBytes(32).toString('base64url'));
    return new Limits(db, Buffer.from(value, 'base64url'));
  }

  private subject(bucket: LimitBucket, raw: string) {
    return createHmac('sha256', this.secret).update(`${bucket}\n${raw}`).digest('base64url').slice(0, 32);
  }

  /**
   * At most `limit` hits per `windowMs` for each subject in `bucket`. A subject's window opens at its first hit
   * (as a person's burst of attempts does), and the next hit after it ends opens a new one.
   */
  limiter(bucket: LimitBucket, limit: number, windowMs: number): Limiter {
    const db = this.db;
    const seconds = windowMs / 1000;
    const wait = (end: string) => `greatest(1, ceil(extract(epoch FROM ${end} - now())))::int`;
    return {
      blockedFor: async (raw) => {
        const { rows } = await db.query<{ wait: number }>(
          `SELECT ${wait('window_end')} AS wait FROM rate_counters
            WHERE bucket = $1 AND subject = $2 AND window_end > now() AND hits >= $3`,
          [bucket, this.subject(bucket, raw), limit],
        );
        return rows[0]?.wait ?? 0;
      },
      hit: async (raw) => {
        const { rows } = await db.query<{ hits: number; wait: number }>(
          `INSERT INTO rate_counters AS r (bucket, subject, window_end, hits)
           VALUES ($1, $2, now() + make_interval(secs => $3::float8), 1)
           ON CONFLICT (bucket, subject) DO UPDATE SET
             hits = CASE WHEN r.window_end <= now() THEN 1 ELSE r.hits + 1 END,
             window_end = CASE WHEN r.window_end <= now() THEN excluded.window_end ELSE r.window_end END
           RETURNING r.hits, ${wait('r.window_end')} AS wait`,
          [bucket, this.subject(bucket, raw), seconds],
        );
        return rows[0]!.hits > limit ? rows[0]!.wait : 0;
      },
      reset: async (raw) => {
        await db.query('DELETE FROM rate_counters WHERE bucket = $1 AND subject = $2', [bucket, this.subject(bucket, raw)]);
      },
    };
  }
}

/** Deletes windows that have ended; returns how many (run by the jobs). */
export async function purgeEndedWindows(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'WITH gone AS (DELETE FROM rate_counters WHERE window_end < now() RETURNING 1) SELECT count(*)::int AS n FROM gone',
  );
  return rows[0]?.n ?? 0;
}
