/**
 * Sends due outbox messages. Safe on several servers at once: a batch is claimed in one statement
 * (`FOR UPDATE SKIP LOCKED`, then a lease in `claimed_until`), so each message is in one sender's hands at a time;
 * a sender that dies leaves its lease to run out and another takes the message over. A failure is recorded
 * (attempts, last error) and the message waits longer each time, up to a cap, and is retried until accepted.
 * A batch goes out a few messages at a time (`KENTRO_MAIL_CONCURRENCY`), over the mailer's pooled connections.
 */
import type { Queryable } from '../db/types.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs } from '../retry.ts';
import type { Mailer, OutgoingMail } from './transport.ts';

/** Longer than the SMTP timeouts of ./transport.ts together, so a lease never runs out mid-send. */
const LEASE_MS = 2 * 60_000;
/** Sent messages (address, subject) are kept this long to answer "did it go?", then deleted. */
const KEEP_SENT_DAYS = 30;

interface Claimed {
  id: number;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  ics: string | null;
  ics_filename: string | null;
  attempts: number;
  created_at: Date;
}

async function claim(db: Queryable, batch: number): Promise<Claimed[]> {
  const { rows } = await db.query<Claimed>(
    `UPDATE mail_outbox SET claimed_until = now() + ($2::integer * interval '1 millisecond'), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM mail_outbox
         WHERE sent_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY next_attempt_at, id LIMIT $1
         FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, subject, text_body, html_body, ics, ics_filename, attempts, created_at`,
    [batch, LEASE_MS],
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Runs `work` on every item, at most `limit` at once, in the items' order as far as they start. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const describeFailure = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 1000);

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/** Sends what is due, batch after batch, until nothing is left to claim. */
export async function deliverDueMail(db: Queryable, mailer: Mailer, log: Logger, batch = 20, concurrency = 4): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (;;) {
    const rows = await claim(db, batch);
    await inParallel(rows, concurrency, async (row) => {
      const mail: OutgoingMail = {
        id: Number(row.id), to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body,
        ics: row.ics, icsFilename: row.ics_filename, createdAt: row.created_at,
      };
      try {
        await mailer.send(mail);
        // The body goes once delivered: it carries a personal link, and the recipient has it now.
        await db.query(
          `UPDATE mail_outbox SET sent_at = now(), claimed_until = NULL, last_error = NULL,
                  text_body = '', html_body = NULL, ics = NULL, ics_filename = NULL WHERE id = $1`,
          [mail.id],
        );
        report.sent++;
      } catch (err) {
        report.failed++;
        await db.query(
          `UPDATE mail_outbox SET claimed_until = NULL, last_error = $2,
                  next_attempt_at = now() + ($3::integer * interval '1 millisecond') WHERE id = $1`,
          [mail.id, describeFailure(err), retryDelayMs(row.attempts)],
        );
        // The error text may name an address: the log gets only what kind of failure it was.
        const code = (err as { code?: unknown }).code;
        log.warn('mail delivery failed', { outboxId: mail.id, attempts: row.attempts, error: (err as Error).name, code: typeof code === 'string' ? code : undefined });
      }
    });
    if (rows.length < batch) break;
  }
  await db.query(`DELETE FROM mail_outbox WHERE sent_at < now() - ($1::integer * interval '1 day')`, [KEEP_SENT_DAYS]);
  return report;
}
