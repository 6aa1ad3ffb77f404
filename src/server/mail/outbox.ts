/**
 * The email outbox: a message is a row written with `enqueueMail(tx, …)` in the transaction of the change it
 * reports, so it exists exactly when that change committed; ./deliver.ts sends it later, retrying until accepted.
 */
import type { Queryable } from '../db/types.ts';

export interface MailMessage {
  /** What the message is, e.g. `volunteer.confirmation` (for staff and tests; never personal data). */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar file to attach. */
  ics?: { filename: string; content: string };
  /** The reference of the record the message is about: retention (../retention.ts) deletes it with that record. */
  about?: string;
}

export async function enqueueMail(tx: Queryable, message: MailMessage): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO mail_outbox (kind, to_address, subject, text_body, html_body, ics, ics_filename, about)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      message.kind, message.to, message.subject, message.text, message.html ?? null, message.ics?.content ?? null, message.ics?.filename ?? null,
      message.about ?? null,
    ],
  );
  return rows[0]!.id;
}

export interface OutboxEntry {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
}

/**
 * Messages in the outbox (sent or not), oldest first, newest last; `to` compares addresses without case.
 * A delivered message's `text` is empty: bodies are dropped once delivered (./deliver.ts).
 */
export async function listOutbox(db: Queryable, filter: { to?: string; kind?: string } = {}): Promise<OutboxEntry[]> {
  const { rows } = await db.query<{
    id: number; kind: string; to_address: string; subject: string; text_body: string; created_at: Date; sent_at: Date | null; attempts: number;
  }>(
    `SELECT id, kind, to_address, subject, text_body, created_at, sent_at, attempts FROM mail_outbox
      WHERE ($1::text IS NULL OR lower(to_address) = lower($1)) AND ($2::text IS NULL OR kind = $2)
      ORDER BY id`,
    [filter.to ?? null, filter.kind ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind, to: r.to_address, subject: r.subject, text: r.text_body,
    createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null, attempts: r.attempts,
  }));
}
