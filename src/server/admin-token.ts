/**
 * The staff bearer token. Only its SHA-256 is stored (`kentro_settings.admin_token_sha256`). KENTRO_ADMIN_TOKEN,
 * when set, replaces the stored hash at every start; when unset, a token is generated once and shown once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/types.ts';
import { ensureSetting, getSetting, setSetting } from './settings.ts';

export const ADMIN_TOKEN_SETTING = 'admin_token_sha256';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Makes sure a token hash is stored; returns the token when it was generated now (print it once). */
export async function ensureAdminToken(q: Queryable, configured: string | undefined): Promise<{ generated?: string }> {
  if (configured) {
    await setSetting(q, ADMIN_TOKEN_SETTING, sha256(configured).toString('hex'));
    return {};
  }
  const token = randomBytes(32).toString('base64url');
  const { created } = await ensureSetting(q, ADMIN_TOKEN_SETTING, () => sha256(token).toString('hex'));
  return created ? { generated: token } : {};
}

/** Whether `presented` is the staff token, compared in constant time. */
export async function isAdminToken(q: Queryable, presented: string): Promise<boolean> {
  const stored = await getSetting(q, ADMIN_TOKEN_SETTING);
  if (!stored || !/^[0-9a-f]{64}$/.test(stored)) return false;
  return timingSafeEqual(sha256(presented), Buffer.from(stored, 'hex'));
}
