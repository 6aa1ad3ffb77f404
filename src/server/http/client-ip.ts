/**
 * Who is asking, for rate limits and lockouts: the socket's peer, unless that peer is one of the operator's own
 * proxies (`KENTRO_TRUSTED_PROXIES`, addresses or CIDRs). Then `X-Forwarded-For` is read from the right, skipping
 * the trusted hops, and the first address that is not a trusted proxy is the client. A client that reaches the
 * server directly is never believed: its own `X-Forwarded-For` counts for nothing, so it cannot pick its address.
 * The same rule says whether the request reached the proxy over https (`X-Forwarded-Proto`), for HSTS.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) read as `10.0.0.1`. */
const plain = (address: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address);

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** A valid proxy spec: an IPv4 or IPv6 address, or one with a prefix length (`10.0.0.0/8`, `fd00::/8`). */
export function isProxySpec(spec: string): boolean {
  const [address, prefix, extra] = spec.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 6 ? 128 : 32);
}

export class TrustedProxies {
  private readonly list = new BlockList();
  readonly none: boolean;

  constructor(specs: readonly string[]) {
    this.none = specs.length === 0;
    for (const spec of specs) {
      const [address, prefix] = spec.split('/') as [string, string | undefined];
      if (prefix === undefined) this.list.addAddress(address, family(address));
      else this.list.addSubnet(address, Number(prefix), family(address));
    }
  }

  trusts(address: string): boolean {
    const a = plain(address);
    return !this.none && isIP(a) !== 0 && this.list.check(a, family(a));
  }
}

export interface ClientInfo {
  /** The client's address (never logged). */
  ip: string;
  /** Whether the client reached us over https (through a trusted proxy that says so). */
  https: boolean;
}

function peerOf(c: Context): string {
  try {
    return plain(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // Not running under @hono/node-server (e.g. `app.request()` in a unit test).
    return 'unknown';
  }
}

export function clientInfo(c: Context, proxies: TrustedProxies): ClientInfo {
  const peer = peerOf(c);
  if (!proxies.trusts(peer)) return { ip: peer, https: false };
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => plain(h.trim())).filter(Boolean);
  let ip = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    ip = hops[i]!;
    if (!proxies.trusts(ip)) break;
  }
  const proto = c.req.header('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
  return { ip, https: proto === 'https' };
}
