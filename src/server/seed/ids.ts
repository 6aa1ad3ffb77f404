/** Stable ids for seed records (UUID v5-style, from a readable key), so docs and tests can name them. */
import { createHash } from 'node:crypto';

export function seedId(key: string): string {
  const b = createHash('sha1').update(`kentro-seed:${key}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
