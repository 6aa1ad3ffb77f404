/**
 * Tokens in the links we send (the volunteer's own page, the guardian's request): 32 random bytes, base64url.
 * Only their SHA-256 is stored, so a copy of the database opens nobody's signup.
 */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = () => randomBytes(32).toString('base64url');

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
