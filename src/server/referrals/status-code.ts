/**
 * The code a school uses to follow a referral: 80 random bits in Crockford base32 (no I, L, O or U, so nothing
 * reads as another character), grouped in fours (`K7QM-2XPD-93RT-4B1C`) to be read out and typed. Only the SHA-256 of its
 * normal form is stored, so a copy of the database opens no referral's status.
 *
 * People type codes loosely: case, spaces and dashes do not matter, and the letters Crockford maps to digits
 * (O → 0, I and L → 1) are read as those digits. A code never contains them, so no other code is matched.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 4;
const LENGTH = GROUPS * GROUP_LENGTH;
/** 16 symbols of 5 bits. */
const BYTES = (LENGTH * 5) / 8;

const group = (symbols: string) => symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');

/** A fresh code, e.g. `7K3M-Q9XD-2HWP-B4RT`. */
export function newStatusCode(): string {
  let bits = 0n;
  for (const byte of randomBytes(BYTES)) bits = (bits << 8n) | BigInt(byte);
  let symbols = '';
  for (let i = LENGTH - 1; i >= 0; i--) symbols += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return group(symbols);
}

/** The code's normal form, or undefined when what was typed cannot be a code. */
export function normalStatusCode(typed: string): string | undefined {
  const symbols = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== LENGTH || [...symbols].some((ch) => !ALPHABET.includes(ch))) return undefined;
  return group(symbols);
}

/** What is stored: SHA-256 (hex) of the normal form. */
export const statusCodeHash = (normal: string) => createHash('sha256').update(normal, 'utf8').digest('hex');

/** A hash no code has, compared against when there is no referral, so a miss costs what a wrong code costs. */
const NO_HASH = statusCodeHash('no referral');

/** Whether `typed` is the code whose hash is `stored` (undefined: no such referral), compared in constant time. */
export function statusCodeMatches(typed: string, stored: string | undefined): boolean {
  const normal = normalStatusCode(typed);
  const presented = Buffer.from(statusCodeHash(normal ?? typed), 'hex');
  const expected = Buffer.from(stored ?? NO_HASH, 'hex');
  return timingSafeEqual(presented, expected) && normal !== undefined && stored !== undefined;
}
