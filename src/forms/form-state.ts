/**
 * The state of one form: answers by path, field errors from the shared zod schema or from the server's
 * problem+json, and the submission's life (sending → trying again → sent | failed with answers kept).
 *
 * Validation runs on "Continue" or submit, never on blur; after a failed attempt it re-runs on every input so
 * errors clear as they are fixed. The error summary takes focus after it renders.
 */
import type { LitElement, ReactiveController } from 'lit';
import { html, nothing } from 'lit';
import type * as z from 'zod/mini';
import { ApiError } from '../client/errors.ts';
import { Submission } from '../client/submission.ts';
import type { FieldError } from '../contract/common.ts';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../contract/common-values.ts';
import { toFieldErrors } from '../contract/issues.ts';
import type { LocalizeController } from '../core/localize.ts';
import { renderErrorSummary } from './blocks.ts';
import { renderField, type FieldDef } from './field.ts';
import { fieldId, getPath, pathKey, setPath } from './paths.ts';

export type SubmitStatus = 'idle' | 'sending' | 'retrying' | 'sent' | 'failed';

export interface SendContext {
  idempotencyKey: string;
  signal: AbortSignal;
  onRetry: () => void;
}

export interface FormStateOptions<T> {
  localize: LocalizeController;
  /** The empty answers; also what `reset()` returns to. */
  initial: () => T;
  /** Kiosk mode switches autocomplete off on personal fields. */
  kiosk?: () => boolean;
  /** Announces status changes through the widget's live region. */
  announce?: (message: string) => void;
}

const KNOWN_CODES = new Set<string>(FIELD_ERROR_CODES);

export class FormStateController<T extends Record<string, unknown>> implements ReactiveController {
  values: T;
  errors: FieldError[] = [];
  status: SubmitStatus = 'idle';
  /** Why the last submission failed (answers are kept). */
  failure?: ApiError;
  /** The honeypot's value: empty for people. */
  website = '';

  private revalidate?: () => void;
  /** Each question's label by path, as last rendered: the error summary names the question. */
  private readonly labels = new Map<string, string>();
  private readonly submission = new Submission();
  private inFlight?: AbortController;

  constructor(private readonly host: LitElement, private readonly options: FormStateOptions<T>) {
    this.values = options.initial();
    host.addController(this);
  }

  hostDisconnected() {
    this.inFlight?.abort();
  }

  value(path: string): unknown {
    return getPath(this.values, path);
  }

  set(path: string, value: unknown) {
    this.values = setPath(this.values, path, value);
    this.revalidate?.();
    this.host.requestUpdate();
  }

  /** The localised message for a field in error. */
  errorFor(path: string): string | undefined {
    const error = this.errors.find((e) => pathKey(e.path) === path);
    return error && this.message(error);
  }

  message(error: FieldError): string {
    return KNOWN_CODES.has(error.code)
      ? this.options.localize.term(`errors.${error.code as FieldErrorCode}`, error.params)
      : error.message;
  }

  /** One question bound to this state. */
  field(def: FieldDef) {
    const l = this.options.localize;
    this.labels.set(def.path, def.label);
    return renderField(def, {
      value: this.value(def.path),
      error: this.errorFor(def.path),
      kiosk: this.options.kiosk?.() ?? false,
      optionalText: l.term('common.optional'),
      errorPrefix: l.term('form.errorPrefix'),
      chooseText: l.term('form.choose'),
      onInput: (value) => this.set(def.path, value),
    });
  }

  /** Names a question rendered without `field()` (a custom group), for the error summary. */
  label(path: string, label: string) {
    this.labels.set(path, label);
  }

  /**
   * The error summary for the current errors (nothing when there are none). Each entry names its question
   * ("Email address — Enter an email address like…"), since two questions can share a message.
   */
  summary() {
    const errors = this.errors.map((e) => {
      const path = pathKey(e.path);
      const label = this.labels.get(path);
      return { path, message: label ? `${label} — ${this.message(e)}` : this.message(e) };
    });
    return renderErrorSummary(this.options.localize.term('form.errorSummaryTitle'), errors, () => this.host.renderRoot);
  }

  /**
   * Checks the answers against a schema: the whole request, or one step's part of it (`prefix` names that part,
   * e.g. `['contact']`, and is prepended to error paths), plus `rules` across answers (cross-field errors, shown
   * together with the schema's). On failure the summary takes focus and the check re-runs on every later input.
   * Without a schema (its chunk could not be fetched, offline) only the rules run; the server checks everything.
   */
  validate(schema: z.ZodMiniType | undefined, prefix: readonly (string | number)[] = [], rules?: () => FieldError[]): boolean {
    const check = () => {
      const data = prefix.length ? getPath(this.values, prefix.join('.')) : this.values;
      const result = schema?.safeParse(data ?? {}) ?? { success: true as const };
      const found = result.success
        ? []
        : toFieldErrors(result.error.issues, (code) => code).map((e) => ({ ...e, path: [...prefix, ...e.path] }));
      const extra = (rules?.() ?? []).filter((r) => !found.some((e) => pathKey(e.path) === pathKey(r.path)));
      this.errors = this.inPageOrder([...found, ...extra]);
      return this.errors.length === 0;
    };
    const ok = check();
    this.revalidate = ok ? undefined : check;
    this.host.requestUpdate();
    if (!ok) this.focusSummary();
    return ok;
  }

  /** Errors in the order their questions appear on the page, so the summary reads top to bottom. */
  private inPageOrder(errors: FieldError[]): FieldError[] {
    const ids = [...this.host.renderRoot.querySelectorAll('[id]')].map((e) => e.id);
    const rank = (e: FieldError) => { const i = ids.indexOf(fieldId(pathKey(e.path))); return i < 0 ? ids.length : i; };
    return [...errors].sort((a, b) => rank(a) - rank(b));
  }

  /**
   * Shows errors found by rules across answers (after `validate` passed): the summary takes focus, and `recheck`
   * re-runs on every later input so the errors clear as they are fixed.
   */
  fail(errors: FieldError[], recheck?: () => FieldError[]) {
    this.errors = this.inPageOrder(errors);
    this.revalidate = recheck && (() => { this.errors = this.inPageOrder(recheck()); });
    this.host.requestUpdate();
    this.focusSummary();
  }

  clearErrors() {
    this.errors = [];
    this.revalidate = undefined;
    this.host.requestUpdate();
  }

  /**
   * Sends `body` with `send`, reusing one Idempotency-Key for as long as the answers stay the same. While the
   * client retries, `status` is `retrying` ("connection lost: your answers are kept, trying again…"). Field
   * errors from the server join the error map; any other failure leaves the answers on screen with `failure`.
   * Returns the server's result, or undefined when it did not succeed.
   */
  async submit<R>(body: unknown, send: (body: unknown, context: SendContext) => Promise<R>): Promise<R | undefined> {
    if (this.status === 'sending' || this.status === 'retrying') return undefined;
    this.inFlight = new AbortController();
    this.failure = undefined;
    this.setStatus('sending');
    try {
      const result = await send(body, {
        idempotencyKey: this.submission.keyFor(body),
        signal: this.inFlight.signal,
        onRetry: () => this.setStatus('retrying'),
      });
      this.submission.reset();
      this.errors = [];
      this.revalidate = undefined;
      this.setStatus('sent');
      return result;
    } catch (error) {
      if (this.inFlight?.signal.aborted) return undefined;
      const apiError = error instanceof ApiError ? error : new ApiError('server', String(error), undefined, undefined, { cause: error });
      if (apiError.fieldErrors.length > 0) {
        this.errors = apiError.fieldErrors;
        this.setStatus('idle');
        this.host.requestUpdate();
        this.focusSummary();
      } else {
        this.failure = apiError;
        this.setStatus('failed');
      }
      return undefined;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Wipes every answer, error and submission state (kiosk reset, "exit this page", after a kiosk submit). */
  reset() {
    this.inFlight?.abort();
    this.values = this.options.initial();
    this.errors = [];
    this.status = 'idle';
    this.failure = undefined;
    this.website = '';
    this.revalidate = undefined;
    this.submission.reset();
    this.host.requestUpdate();
  }

  /** The sending / trying again / failed notice, in a live region. */
  renderStatus() {
    const l = this.options.localize;
    if (this.status === 'sending') return html`<p class="notice" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('client.sending')}</p>`;
    if (this.status === 'retrying') return html`<p class="notice notice--warning" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('client.retrying')}</p>`;
    if (this.status === 'failed' && this.failure) {
      return html`<div class="notice notice--error" role="alert">
        <p>${l.term(`client.${this.failure.kind}`)}</p>
      </div>`;
    }
    return nothing;
  }

  private setStatus(status: SubmitStatus) {
    if (this.status === status) return;
    this.status = status;
    const l = this.options.localize;
    if (status === 'retrying') this.options.announce?.(l.term('client.retrying'));
    this.host.requestUpdate();
  }

  private async focusSummary() {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
