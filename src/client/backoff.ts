/** Retry timing: exponential backoff with full jitter, and `Retry-After` when the server gives one. */

export interface BackoffOptions {
  /** First delay in ms (before jitter). */
  baseMs: number;
  /** Longest delay in ms. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 400, maxMs: 8000 };

/** Delay before retry number `attempt` (1-based), between half and all of the exponential step. */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random = Math.random) {
  const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date), capped; undefined when absent or invalid. */
export function retryAfterMs(header: string | null, now = Date.now(), capMs = 60_000): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(capMs, Math.max(0, ms)) : undefined;
}

/** Waits, unless the signal aborts first. */
export function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal!.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
