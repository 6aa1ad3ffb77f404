/**
 * An HTTP proxy in front of a server that misbehaves on request, to test what clients do when the network does:
 *
 * - `cutAfterResponse`: forward the request, wait until the server's whole response has arrived (so the server
 *   has done and stored the work), then destroy the client's socket without sending a byte of it.
 * - `dropBeforeForward`: destroy the client's socket without forwarding (the server never sees the request).
 * - `delay`: forward, then hold the response for `ms` before passing it on.
 *
 * Each fault applies to the next `times` requests matching `method` and `path` (exact path without the query,
 * or a RegExp), in the order the faults were added. The `Host` header is passed through unchanged, so the
 * server sees the proxy's origin as its own (same-origin pages and CORS keep working through the proxy).
 *
 * `random({ seed, rate, match })` switches on a seeded random mode for the requests `match` accepts (and that no
 * fault above claimed): each gets, with probability `rate`, one of
 * - `drop-before-forward`,
 * - `delay` (the response held for a random time up to `maxDelayMs`),
 * - `duplicate`: the same request sent to the server twice (at once, or one after the other), and one of the two
 *   answers, chosen at random, passed on,
 * - `cut-after-response`, or `cut-mid-response` (the head and part of the body sent, then the socket destroyed).
 * The same seed gives the same sequence of choices for the same sequence of requests. `stats()` counts them.
 */
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultMatch {
  method: string;
  path: string | RegExp;
}

export type FaultKind = 'cut-after-response' | 'drop-before-forward' | 'delay';
/** What the random mode can do to a request. */
export type RandomFaultKind = FaultKind | 'duplicate' | 'cut-mid-response';

export interface RandomFaultOptions {
  seed: number;
  /** Chance (0–1) that a request `match` accepts gets a fault. */
  rate: number;
  /** Which requests may get a fault (by default every one). */
  match?: (method: string, path: string) => boolean;
  /** Longest delay, in ms (default 1000). */
  maxDelayMs?: number;
  /** The kinds to pick from (default all, equally likely). */
  kinds?: readonly RandomFaultKind[];
}

export interface FaultStats {
  /** Requests the random mode looked at (those `match` accepted). */
  tried: number;
  /** Faults injected, by kind. */
  faults: Record<RandomFaultKind, number>;
}

export const RANDOM_FAULT_KINDS: readonly RandomFaultKind[] = ['drop-before-forward', 'delay', 'duplicate', 'cut-after-response', 'cut-mid-response'];

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fault extends FaultMatch {
  kind: FaultKind;
  remaining: number;
  ms: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The fault applied, if any. */
  fault?: RandomFaultKind;
  /** The status the server answered (also for cut responses), unless the request was dropped. */
  upstreamStatus?: number;
  /** For a duplicated request: the statuses of both copies, in the order they were sent. */
  duplicateStatuses?: number[];
}

export interface FaultProxy {
  /** The proxy's origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request seen, in order. */
  readonly requests: readonly ProxiedRequest[];
  cutAfterResponse(match: FaultMatch, times?: number): void;
  dropBeforeForward(match: FaultMatch, times?: number): void;
  delay(match: FaultMatch, ms: number, times?: number): void;
  /** Switches the seeded random mode on (or off, with `undefined`); see the module comment. */
  random(options: RandomFaultOptions | undefined): void;
  /** What the random mode did since it was last switched on. */
  stats(): FaultStats;
  /** Removes every pending fault (and switches the random mode off). */
  reset(): void;
  close(): Promise<void>;
}

const matches = (f: FaultMatch, method: string, path: string) =>
  f.method.toUpperCase() === method.toUpperCase() && (typeof f.path === 'string' ? f.path === path : f.path.test(path));

/** Starts a proxy on 127.0.0.1 (a free port) forwarding to `target` (an origin such as `http://127.0.0.1:8080`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const faults: Fault[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const take = (method: string, path: string): Fault | undefined => {
    const fault = faults.find((f) => f.remaining > 0 && matches(f, method, path));
    if (fault) fault.remaining -= 1;
    return fault;
  };

  let randomMode: { options: RandomFaultOptions; next: () => number } | undefined;
  const emptyStats = (): FaultStats => ({ tried: 0, faults: Object.fromEntries(RANDOM_FAULT_KINDS.map((k) => [k, 0])) as FaultStats['faults'] });
  let stats = emptyStats();

  /** Picks the random mode's fault for a request not claimed by a fault above (undefined: none). */
  const pick = (method: string, path: string): { kind: RandomFaultKind; ms: number; concurrent: boolean; answer: 0 | 1; cutAt: number } | undefined => {
    if (!randomMode || !(randomMode.options.match?.(method, path) ?? true)) return undefined;
    const { options, next } = randomMode;
    stats.tried += 1;
    // Draw every number every time, so one request's choice does not shift the next request's.
    const [hit, which, delay, order, answer, cutAt] = [next(), next(), next(), next(), next(), next()];
    if (hit >= options.rate) return undefined;
    const kinds = options.kinds ?? RANDOM_FAULT_KINDS;
    const kind = kinds[Math.floor(which * kinds.length)]!;
    stats.faults[kind] += 1;
    return { kind, ms: Math.round(delay * (options.maxDelayMs ?? 1000)), concurrent: order < 0.5, answer: answer < 0.5 ? 0 : 1, cutAt };
  };

  interface Answer { status: number; message: string; headers: http.IncomingHttpHeaders; body: Buffer }

  /** Sends one request upstream with a buffered body and reads the whole answer. */
  const forwardBuffered = (req: IncomingMessage, body: Buffer) =>
    new Promise<Answer>((resolve, reject) => {
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent: false },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () => resolve({ status: up.statusCode ?? 502, message: up.statusMessage ?? '', headers: up.headers, body: Buffer.concat(chunks) }));
          up.on('error', reject);
        },
      );
      forward.on('error', reject);
      forward.end(body);
    });

  const writeAnswer = (res: ServerResponse, a: Answer, cutAt?: number) => {
    const headers = { ...a.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(a.body.length);
    res.writeHead(a.status, a.message, headers);
    if (cutAt === undefined) {
      res.end(a.body);
      return;
    }
    // The head and part of the body (at least one byte short), then the connection goes.
    res.write(a.body.subarray(0, Math.floor(cutAt * a.body.length)), () => res.socket?.destroy());
  };

  const handleRandom = async (req: IncomingMessage, res: ServerResponse, record: ProxiedRequest, f: NonNullable<ReturnType<typeof pick>>) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (f.kind === 'drop-before-forward') {
      req.socket.destroy();
      return;
    }
    try {
      let answer: Answer;
      if (f.kind === 'duplicate') {
        const both = f.concurrent
          ? await Promise.all([forwardBuffered(req, body), forwardBuffered(req, body)])
          : [await forwardBuffered(req, body), await forwardBuffered(req, body)];
        answer = both[f.answer]!;
        record.duplicateStatuses = both.map((a) => a.status);
      } else {
        answer = await forwardBuffered(req, body);
      }
      record.upstreamStatus = answer.status;
      if (f.kind === 'cut-after-response') {
        req.socket.destroy();
        return;
      }
      if (f.kind === 'delay') await new Promise((r) => setTimeout(r, f.ms));
      writeAnswer(res, answer, f.kind === 'cut-mid-response' ? f.cutAt : undefined);
    } catch {
      req.socket.destroy();
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const method = req.method ?? 'GET';
    const fault = take(method, path);
    const chance = fault ? undefined : pick(method, path);
    const record: ProxiedRequest = { method, path, ...(fault ? { fault: fault.kind } : chance ? { fault: chance.kind } : {}) };
    requests.push(record);
    if (chance) {
      void handleRandom(req, res, record, chance);
      return;
    }
    if (fault?.kind === 'drop-before-forward') {
      req.socket.destroy();
      return;
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      async (up) => {
        record.upstreamStatus = up.statusCode;
        if (fault?.kind === 'cut-after-response') {
          up.resume();
          await once(up, 'end');
          req.socket.destroy();
          return;
        }
        if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
        res.writeHead(up.statusCode ?? 502, up.statusMessage, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  };

  const server = http.createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const add = (kind: FaultKind, match: FaultMatch, times: number, ms = 0) => faults.push({ ...match, kind, remaining: times, ms });

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    cutAfterResponse: (match, times = 1) => add('cut-after-response', match, times),
    dropBeforeForward: (match, times = 1) => add('drop-before-forward', match, times),
    delay: (match, ms, times = 1) => add('delay', match, times, ms),
    random(options) {
      randomMode = options && { options, next: seededRandom(options.seed) };
      stats = emptyStats();
    },
    stats: () => structuredClone(stats),
    reset: () => {
      faults.splice(0);
      randomMode = undefined;
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
