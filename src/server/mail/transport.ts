/**
 * How a message leaves: SMTP through nodemailer when `SMTP_URL` is set; otherwise nodemailer builds the raw
 * message and it is written to `${dataDir}/outbox/<created>-<id>.eml` (the demo's "mailbox"). The file name
 * depends only on the row, so a retry after a crash overwrites the same file instead of adding a second.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface OutgoingMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  icsFilename: string | null;
  createdAt: Date;
}

export interface Mailer {
  readonly kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The domain of an address, for Message-IDs. */
const domainOf = (address: string) => /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? 'localhost';

function envelope(mail: OutgoingMail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    // Stable per outbox row: a message delivered twice (a crash between sending and recording it) reads as one.
    messageId: `<kentro-outbox-${mail.id}@${domainOf(from)}>`,
    date: mail.createdAt,
    attachments: mail.ics
      ? [{ filename: mail.icsFilename ?? 'calendar.ics', content: mail.ics, contentType: 'text/calendar; charset=utf-8' }]
      : [],
  };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'> & Partial<Pick<Config, 'mailConcurrency'>>): Mailer {
  if (config.smtpUrl) {
    // Short timeouts: a mail server that hangs must not hold a delivery lease for nodemailer's default 10 minutes.
    // Pooled: a few connections kept open and reused, one per message sent at the same time (../mail/deliver.ts).
    const transport: Transporter = nodemailer.createTransport({
      url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
      pool: true, maxConnections: config.mailConcurrency ?? 4, maxMessages: 100,
    });
    return {
      kind: 'smtp',
      send: async (mail) => void (await transport.sendMail(envelope(mail, config.mailFrom))),
      close: () => transport.close(),
    };
  }
  const dir = join(config.dataDir, 'outbox');
  const build = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'files',
    async send(mail) {
      const info = await build.sendMail(envelope(mail, config.mailFrom));
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${stamp(mail.createdAt)}-${mail.id}.eml`);
      // Written whole or not at all: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => build.close(),
  };
}
