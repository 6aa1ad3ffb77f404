/** Stable ids: the same name always gives the same UUID (v5-style, from SHA-1), so docs, tests and receivers can rely on them. */
import { createHash } from 'node:crypto';

export function stableUuid(name: string): string {
  const b = createHash('sha1').update(name).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
