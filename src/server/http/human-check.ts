/**
 * Anti-automation for public POSTs (CONTRACT.md): a honeypot field people never see, and a minimum fill time
 * measured from a signed render timestamp. A form asks `GET /api/form-token` when it is first shown and posts
 * the token back as `renderedAt`. The HMAC secret lives in `kentro_settings`, so every server agrees.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HumanCheck } from '../../contract/common.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/types.ts';
import { ensureSetting } from '../settings.ts';
import { ProblemError } from './problem.ts';

export const FORM_SECRET_SETTING = 'form_token_secret';
/** A token older than this is refused: forms left open longer fetch a new one. */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export class FormTokens {
  private constructor(private readonly secret: Buffer) {}

  /** Loads (or creates, once for all servers) the signing secret. */
  static async load(db: Queryable): Promise<FormTokens> {
    const { value } = await ensureSetting(db, FORM_SECRET_SETTING, () => randomBytes(32).toString('base64url'));
    return new FormTokens(Buffer.from(value, 'base64url'));
  }

  private sign(payload: string) {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  /** A token saying "this form was shown at `now`". */
  issue(now = Date.now()): string {
    const payload = `v1.${now}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** When the token was issued (ms since epoch), or undefined when it is not one of ours. */
  issuedAt(token: string): number | undefined {
    const m = /^(v1\.(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return undefined;
    const expected = Buffer.from(this.sign(m[1]!));
    const given = Buffer.from(m[3]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[2]) : undefined;
  }
}

const refuse = (detail: string, extra?: Record<string, unknown>) =>
  new ProblemError(400, 'tooFast', { detail, ...(extra ? { extra } : {}) });

/**
 * Throws a 400 `tooFast` problem unless the body passes the human check: empty honeypot (`website`) and, when
 * `minFillMs` > 0, a valid `renderedAt` token at least `minFillMs` old. Call it first in a public POST handler.
 */
export function verifyHumanCheck(
  body: HumanCheck,
  deps: { config: Pick<Config, 'minFillMs'>; formTokens: FormTokens },
  now = Date.now(),
): void {
  if (body.website !== undefined && body.website !== '') throw refuse('The form could not be accepted.');
  const { minFillMs } = deps.config;
  if (minFillMs <= 0) return;
  const issued = body.renderedAt ? deps.formTokens.issuedAt(body.renderedAt) : undefined;
  if (issued === undefined || now - issued > FORM_TOKEN_MAX_AGE_MS) {
    throw refuse('The form has expired or was not loaded properly. Reload it and try again.', { reload: true });
  }
  const age = now - issued;
  if (age < minFillMs) throw refuse('The form was sent too quickly. Wait a moment and send it again.', { waitMs: minFillMs - age });
}
