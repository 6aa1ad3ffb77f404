/**
 * Sends a request exactly as given (raw target, any method, any body, a body on GET) with node:http, which,
 * unlike fetch, does not tidy up what a fuzzer sends. A request the server never answers is reported, not thrown.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, encoded as they go on the wire. */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type RawOutcome = { ok: true; response: RawResponse } | { ok: false; error: string };

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** A liveness limit, not a timing assertion: a request unanswered this long counts as the server not answering. */
const NO_ANSWER_MS = 60_000;

export function sendRaw(origin: string, req: RawRequest): Promise<RawOutcome> {
  const url = new URL(origin);
  // node:http frames a body by Content-Length only when told (on GET and DELETE it would send the bytes unframed).
  const headers = req.body === undefined ? req.headers : { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) };
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: RawOutcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.target, headers, agent, timeout: NO_ANSWER_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ ok: true, response: { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') } }));
        res.on('error', (err) => done({ ok: false, error: `response: ${err.message}` }));
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer in ${NO_ANSWER_MS} ms`)));
    // The server may answer (413, 415) and close before reading a large body: what counts is the answer.
    r.on('error', (err) => done({ ok: false, error: err.message }));
    if (req.body !== undefined) r.end(req.body);
    else r.end();
  });
}

export const closeRawAgent = () => agent.destroy();
