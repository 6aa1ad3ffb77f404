/**
 * How long work that failed waits before its next attempt (email delivery, webhook forwarding): one minute,
 * doubling with each failure, at most six hours, so a receiver that is down for a day is not hammered yet gets
 * everything within hours of coming back.
 */
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;

/** The wait before attempt `attempts + 1`. */
export const retryDelayMs = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
