/**
 * The one door from widgets to a backend: fetch with a base URL, a timeout per attempt, the caller's abort
 * signal, retries with backoff on network errors, timeouts, 5xx, 429 (honouring `Retry-After`) and 409 while an
 * idempotent submission is still running, one `Idempotency-Key` reused on every retry, RFC 9457 problems turned
 * into typed errors with field paths, and every response parsed with zod at the boundary.
 *
 * A schema may be given as a promise: the clients import the contract's schemas (and zod) beside the first
 * request, so a widget's first load carries neither.
 */
import type * as z from 'zod/mini';
import type { Problem } from '../contract/common.ts';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterMs, sleep, type BackoffOptions } from './backoff.ts';
import { ApiError, isAbort, kindForStatus } from './errors.ts';

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];
export type Query = Record<string, QueryValue>;

export interface RetryInfo {
  /** The retry about to be made (1 = the second attempt). */
  attempt: number;
  delayMs: number;
  error: ApiError;
}

export interface ApiClientOptions {
  baseUrl: string;
  /** Per attempt, in ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  backoff?: BackoffOptions;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  query?: Query;
  headers?: Record<string, string>;
  /** Called before each retry, so the widget can say "connection lost: your answers are kept, trying again…". */
  onRetry?: (info: RetryInfo) => void;
  retries?: number;
}

export interface SendOptions extends RequestOptions {
  /** Made once per submission (see `Submission`) and reused on every retry. */
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ApiClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: BackoffOptions;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 4;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The absolute or base-relative URL of `path` with its query string. */
  url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
    }
    const qs = params.toString();
    const tail = path === '' || path.startsWith('/') ? path : `/${path}`;
    return `${this.baseUrl}${tail}${qs ? `?${qs}` : ''}`;
  }

  /** GET a JSON document and parse it with `schema`. */
  get<S extends z.ZodMiniType>(path: string, schema: S | Promise<S>, options: RequestOptions = {}): Promise<z.output<S>> {
    return this.request('GET', path, undefined, options, async (res) => this.parse(await res.json(), await schema));
  }

  /** GET a text document (an iCalendar feed, a CSV export). */
  getText(path: string, options: RequestOptions = {}): Promise<string> {
    return this.request('GET', path, undefined, options, (res) => res.text());
  }

  /** POST, PUT, PATCH or DELETE with a JSON body; the response is parsed with `schema` (omit it for 204). */
  send<S extends z.ZodMiniType>(method: Exclude<Method, 'GET'>, path: string, body: unknown, schema: S | Promise<S> | undefined, options: SendOptions = {}): Promise<z.output<S>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    return this.request(method, path, body, { ...options, headers }, async (res) =>
      schema === undefined || res.status === 204 ? (undefined as z.output<S>) : this.parse(await res.json(), await schema));
  }

  private parse<S extends z.ZodMiniType>(data: unknown, schema: S): z.output<S> {
    const result = schema.safeParse(data);
    if (!result.success) throw new ApiError('badResponse', `Unexpected response: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    return result.data as z.output<S>;
  }

  private async request<T>(method: Method, path: string, body: unknown, options: RequestOptions, read: (res: Response) => Promise<T>): Promise<T> {
    const retries = options.retries ?? this.retries;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(method, path, body, options, read);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const retryable = error.retryable && (error.kind !== 'conflict' || 'Idempotency-Key' in (options.headers ?? {}));
        if (!retryable || attempt >= retries) throw error;
        const delayMs = error.retryAfterMs ?? backoffDelay(attempt + 1, this.backoff);
        options.onRetry?.({ attempt: attempt + 1, delayMs, error });
        await sleep(delayMs, options.signal);
      }
    }
  }

  private async attempt<T>(method: Method, path: string, body: unknown, options: RequestOptions, read: (res: Response) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timeout = new DOMException('The request timed out', 'TimeoutError');
    const timer = setTimeout(() => controller.abort(timeout), this.timeoutMs);
    const onAbort = () => controller.abort(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
    try {
      const headers: Record<string, string> = { Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.5', ...options.headers };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await this.fetchImpl(this.url(path, options.query), {
        method, headers, signal: controller.signal, credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw await this.problemError(res);
      return await read(res);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (isAbort(error, options.signal)) throw options.signal!.reason ?? error;
      if (controller.signal.reason === timeout) throw new ApiError('timeout', 'The request timed out', undefined, undefined, { cause: error });
      if (error instanceof SyntaxError) throw new ApiError('badResponse', 'The response is not valid JSON', undefined, undefined, { cause: error });
      throw new ApiError('offline', 'The network request failed', undefined, undefined, { cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async problemError(res: Response): Promise<ApiError> {
    let problem: Problem | undefined;
    try {
      const [{ Problem }, body] = await Promise.all([import('../contract/common.ts'), res.json()]);
      const parsed = Problem.safeParse(body);
      if (parsed.success) problem = parsed.data;
    } catch {
      // Not JSON (a proxy's HTML error page): the status alone decides.
    }
    const title = problem?.title ?? (res.statusText || `HTTP ${res.status}`);
    return new ApiError(kindForStatus(res.status), title, res.status, problem, { retryAfterMs: retryAfterMs(res.headers.get('Retry-After')) });
  }
}
