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
 */
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultMatch {
  method: string;
  path: string | RegExp;
}

export type FaultKind = 'cut-after-response' | 'drop-before-forward' | 'delay';

interface Fault extends FaultMatch {
  kind: FaultKind;
  remaining: number;
  ms: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The fault applied, if any. */
  fault?: FaultKind;
  /** The status the server answered (also for cut responses), unless the request was dropped. */
  upstreamStatus?: number;
}

export interface FaultProxy {
  /** The proxy's origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request seen, in order. */
  readonly requests: readonly ProxiedRequest[];
  cutAfterResponse(match: FaultMatch, times?: number): void;
  dropBeforeForward(match: FaultMatch, times?: number): void;
  delay(match: FaultMatch, ms: number, times?: number): void;
  /** Removes every pending fault. */
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

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const fault = take(req.method ?? 'GET', path);
    const record: ProxiedRequest = { method: req.method ?? 'GET', path, ...(fault ? { fault: fault.kind } : {}) };
    requests.push(record);
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
    reset: () => void faults.splice(0),
    async close() {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}
