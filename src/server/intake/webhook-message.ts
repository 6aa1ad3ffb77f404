/**
 * What the council's case system receives for each intake request: a JSON document shaped like the request the
 * form sent (without its anti-automation fields), with the reference, the needs' names and when it was made; the
 * headers that let the receiver drop a repeat (`Idempotency-Key`, the same on every attempt) and check that it
 * came from us (`Kentro-Signature`).
 *
 * Signature (when KENTRO_INTAKE_WEBHOOK_SECRET is set), as Stripe and GitHub do it:
 *   Kentro-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>
 * The receiver recomputes it over the raw body and refuses an old `t`, so a captured request cannot be replayed.
 */
import { createHmac } from 'node:crypto';
import { isoInZone } from '../events/zone.ts';
import { stableUuid } from '../stable-id.ts';
import { VERSION } from '../version.ts';
import { present, type IntakeRow } from './records.ts';


/** The document forwarded for a request; the same on every attempt. */
export function webhookPayload(r: IntakeRow, timeZone: string) {
  return {
    reference: r.reference,
    createdAt: isoInZone(r.created_at.getTime(), timeZone),
    needs: r.need_ids.map((id, i) => ({ id, name: r.need_names[i]! })),
    ...present('description', r.description),
    ...(r.service_id ? { service: { id: r.service_id, ...present('name', r.service_name) } } : {}),
    about: { anonymous: r.anonymous, ...present('name', r.name), ageBand: r.age_band, ...present('area', r.area) },
    contact: { methods: r.methods, ...present('phone', r.phone), ...present('email', r.email), days: r.days, times: r.times },
    language: { preferred: r.language, ...present('otherLanguage', r.other_language), interpreter: r.interpreter },
    ...present('accessibility', r.accessibility),
    ...present('facts', r.facts),
    locale: r.locale,
  };
}

/** The same for every attempt at one request, and never the same for two. */
export const webhookIdempotencyKey = (reference: string) => stableUuid(`kentro-intake-webhook:${reference}`);

export const SIGNATURE_HEADER = 'Kentro-Signature';

export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Headers of one attempt. */
export function webhookHeaders(reference: string, body: string, secret: string | undefined, now = Date.now()): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'Idempotency-Key': webhookIdempotencyKey(reference),
    'User-Agent': `Kentro/${VERSION}`,
    ...(secret ? { [SIGNATURE_HEADER]: signature(secret, body, Math.floor(now / 1000)) } : {}),
  };
}
