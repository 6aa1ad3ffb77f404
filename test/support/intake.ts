/**
 * Helpers for the intake suites: valid request bodies naming the seeded needs, posting with an Idempotency-Key
 * (and retrying "still running" as the widget's client does), the stored rows, and a stand-in for a council's
 * case system that records what the webhook sends and answers as told.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_TYPES } from '../../src/contract/common.ts';
import type { IntakeCreated, IntakeRequest } from '../../src/contract/intake.ts';
import type { Queryable } from '../../src/server/db/types.ts';
import { seedId } from '../../src/server/seed/ids.ts';
import { postJson, TEST_ADMIN_TOKEN, type TestServer } from './server.ts';

/** Ids of seeded needs (src/server/seed/taxonomies.ts). */
export const NEED = {
  benefits: seedId('need:benefits'),
  gmi: seedId('need:benefits:gmi'),
  housing: seedId('need:housing'),
  legal: seedId('need:legal'),
} as const;

/** A valid request from a person who gives their name and wants a phone call. */
export function intakeBody(overrides: Partial<IntakeRequest> = {}): IntakeRequest {
  return {
    needs: [NEED.housing],
    description: 'Κινδυνεύω να χάσω το σπίτι μου τον επόμενο μήνα.',
    about: { name: 'Ελένη Παπαδοπούλου', ageBand: '30-44', area: 'Καστανιά' },
    contact: { methods: ['phone'], phone: '694 123 4567', days: ['mon', 'wed'], times: ['morning'], consent: true },
    language: { preferred: 'el', interpreter: false },
    locale: 'el',
    ...overrides,
  };
}

export function postIntake(s: TestServer, body: unknown, key: string = randomUUID()) {
  return s.fetch('/api/intake/requests', postJson(body, { 'Idempotency-Key': key }));
}

/** Posts and expects 201; returns the reference. */
export async function submitIntake(s: TestServer, body: IntakeRequest): Promise<string> {
  const res = await postIntake(s, body);
  const json = (await res.json()) as IntakeCreated;
  if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${JSON.stringify(json)}`);
  return json.reference;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends until answered, retrying a 409 "still being processed" with the same key as the widget's client does. */
export async function sendUntilAnswered(s: TestServer, body: unknown, key: string): Promise<{ status: number; replayed: boolean; text: string }> {
  for (;;) {
    const res = await postIntake(s, body, key);
    const text = await res.text();
    if (res.status === 409 && (JSON.parse(text) as { type: string }).type === PROBLEM_TYPES.idempotencyConflict) {
      await sleep(20 + Math.random() * 80);
      continue;
    }
    return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', text };
  }
}

export const intakeCount = async (db: Queryable) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM intake_requests')).rows[0]!.n;

/** The stored row of a request, as the database holds it. */
export async function storedIntake(db: Queryable, reference: string) {
  const { rows } = await db.query<{ anonymous: boolean; name: string | null; facts: Record<string, string> | null; need_names: string[]; status: string; closed_at: Date | null }>(
    'SELECT anonymous, name, facts, need_names, status, closed_at FROM intake_requests WHERE reference = $1', [reference],
  );
  return rows[0];
}

export const adminHeaders = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export interface ReceivedPost {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface CaseSystem {
  url: string;
  received: ReceivedPost[];
  /** Statuses to answer with, in order; 200 once they run out. */
  answers: number[];
  /** How long each answer takes (ms). */
  delayMs: number;
  close(): Promise<void>;
}

/** A local HTTP server standing in for the council's case system. */
export async function startCaseSystem(options: { answers?: number[]; delayMs?: number } = {}): Promise<CaseSystem> {
  const system = { received: [] as ReceivedPost[], answers: [...(options.answers ?? [])], delayMs: options.delayMs ?? 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      system.received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = system.answers.shift() ?? 200;
      setTimeout(() => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ echo: 'a receiver may answer anything; none of it is kept' }));
      }, system.delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return Object.assign(system, {
    url: `http://127.0.0.1:${port}/kentro/intake`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  });
}
