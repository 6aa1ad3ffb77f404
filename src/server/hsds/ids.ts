/**
 * Stable ids for HSDS objects Kentro stores as part of another row (a location's address and accessibility, a
 * service's languages and required documents): a UUID (v5 layout) hashed from the owner's id and what it is.
 */
import { createHash } from 'node:crypto';

export function derivedId(ownerId: string, ...what: readonly (string | number)[]): string {
  const b = createHash('sha1').update(['kentro-hsds', ownerId, ...what].join(':')).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
