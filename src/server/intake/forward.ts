/**
 * Forwards stored intake requests to the council's case system (KENTRO_INTAKE_WEBHOOK_URL), retrying until it
 * accepts them (any 2xx). Safe on several servers at once, as the email outbox is: a batch of due rows is claimed
 * in one statement (`FOR UPDATE SKIP LOCKED`, then a lease in `claimed_until` longer than an attempt may take), so
 * each request is in one sender's hands at a time; a sender that dies leaves its lease to run out. A receiver may
 * still get a request twice (a crash between its answer and our record of it): the `Idempotency-Key` header, the
 * same on every attempt, lets it drop the repeat.
 *
 * Failures are recorded (attempts, the HTTP status, what went wrong) and wait longer each time (../retry.ts).
 * Neither the record nor the log holds anything the person wrote or the receiver answered: only status codes and
 * the kind of network error.
 */
import type { Config } from '../config.ts';
import type { Queryable } from '../db/types.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs } from '../retry.ts';
import { findIntakeRequests } from './records.ts';
import { webhookHeaders, webhookPayload } from './webhook-message.ts';

export type ForwardSettings = Pick<Config, 'intakeWebhookUrl' | 'intakeWebhookSecret' | 'intakeWebhookTimeoutMs' | 'timeZone'>;

export interface ForwardReport {
  forwarded: number;
  forwardFailed: number;
}

/** An attempt's outcome: the status when the receiver answered, and the failure, if any, in words. */
interface Outcome {
  status: number | null;
  error: string | null;
}

async function claim(db: Queryable, batch: number, leaseMs: number): Promise<{ request_id: string; attempts: number }[]> {
  const { rows } = await db.query<{ request_id: string; attempts: number }>(
    `UPDATE intake_webhook_deliveries SET claimed_until = now() + ($2::integer * interval '1 millisecond'), attempts = attempts + 1
      WHERE request_id IN (
        SELECT request_id FROM intake_webhook_deliveries
         WHERE delivered_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY next_attempt_at, created_at LIMIT $1
         FOR UPDATE SKIP LOCKED)
    RETURNING request_id, attempts`,
    [batch, leaseMs],
  );
  return rows;
}

/** A network failure by its kind (`TimeoutError`, `ECONNREFUSED`): its message may carry more than we want to keep. */
function describeFailure(err: unknown, timeoutMs: number): string {
  if (!(err instanceof Error)) return 'Error';
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `TimeoutError: no answer within ${timeoutMs} ms`;
  const code = (err.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${err.name}: ${code}` : err.name;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  try {
    // Redirects are not followed: a POST turned into a GET would lose the request; the URL should be fixed instead.
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    // The answer is not read (nor kept): only whether it was accepted.
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    return { status: null, error: describeFailure(err, timeoutMs) };
  }
}

/** Forwards what is due, batch after batch, until nothing is left to claim; does nothing without a URL. */
export async function forwardDueRequests(db: Queryable, settings: ForwardSettings, log: Logger, batch = 20): Promise<ForwardReport> {
  const report: ForwardReport = { forwarded: 0, forwardFailed: 0 };
  const url = settings.intakeWebhookUrl;
  if (!url) return report;
  const timeoutMs = settings.intakeWebhookTimeoutMs;
  // The lease outlasts the attempt's timeout, so it never runs out while the request is on its way.
  const leaseMs = timeoutMs + 60_000;
  for (;;) {
    const claimed = await claim(db, batch, leaseMs);
    const requests = new Map((await findIntakeRequests(db, claimed.map((c) => c.request_id))).map((r) => [r.id, r]));
    for (const { request_id: id, attempts } of claimed) {
      const request = requests.get(id);
      if (!request) continue; // deleted meanwhile (its delivery row went with it)
      const body = JSON.stringify(webhookPayload(request, settings.timeZone));
      const outcome = await post(url, body, webhookHeaders(request.reference, body, settings.intakeWebhookSecret), timeoutMs);
      if (outcome.error === null) {
        await db.query(
          `UPDATE intake_webhook_deliveries SET delivered_at = now(), claimed_until = NULL, last_status = $2, last_error = NULL
            WHERE request_id = $1`,
          [id, outcome.status],
        );
        report.forwarded++;
      } else {
        await db.query(
          `UPDATE intake_webhook_deliveries SET claimed_until = NULL, last_status = $2, last_error = $3,
                  next_attempt_at = now() + ($4::integer * interval '1 millisecond') WHERE request_id = $1`,
          [id, outcome.status, outcome.error, retryDelayMs(attempts)],
        );
        report.forwardFailed++;
        log.warn('intake forwarding failed', { reference: request.reference, attempts, status: outcome.status, error: outcome.error });
      }
    }
    if (claimed.length < batch) return report;
  }
}
