/**
 * "Check a referral": the referrer types the reference and the status code they were given, and sees the status
 * history with the centre's notes for the school (the backend returns no pupil data). The code travels in a header.
 */
import { html, nothing, type LitElement } from 'lit';
import { ApiError } from '../../client/errors.ts';
import type { ReferralClient } from '../../client/referral.ts';
import { REFERENCE_PATTERN } from '../../contract/common-values.ts';
import type { ReferralStatusView } from '../../contract/referral.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { FormStateController } from '../../forms/form-state.ts';
import { schemas } from './referral-flow.ts';
import { statusText } from './referral-words.ts';

export class StatusPanel {
  readonly form: FormStateController<{ reference?: string; code?: string }>;
  private view?: ReferralStatusView;
  private failure?: ApiError;
  private busy = false;

  constructor(private readonly host: LitElement, private readonly options: {
    localize: LocalizeController; client: () => ReferralClient | undefined; announce: (m: string) => void;
  }) {
    this.form = new FormStateController(host, { localize: options.localize, initial: () => ({}) });
  }

  /** Fills the form (right after a referral) without showing anything yet. */
  prefill(reference: string, code: string) {
    this.form.reset();
    this.form.set('reference', reference);
    this.form.set('code', code);
    this.view = undefined;
  }

  reset() {
    this.form.reset();
    this.view = undefined;
    this.failure = undefined;
  }

  private readonly submit = async (e: Event) => {
    e.preventDefault();
    const client = this.options.client();
    if (!client || this.busy) return;
    const s = schemas.value ?? await schemas.get().catch(() => undefined);
    if (!this.form.validate(s?.StatusQuery)) return;
    const { reference, code } = this.form.values;
    this.busy = true;
    this.failure = undefined;
    this.view = undefined;
    this.host.requestUpdate();
    try {
      const normalised = REFERENCE_PATTERN.test(reference!.trim().toUpperCase()) ? reference!.trim().toUpperCase() : reference!.trim();
      this.view = await client.status(normalised, code!);
      this.options.announce(`${this.options.localize.term('referral.currentStatus')}: ${statusText(this.options.localize, this.view.status)}`);
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('server', String(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.status-result h3, .status-result [role=alert]')?.focus();
    }
  };

  render() {
    const l = this.options.localize;
    const f = this.form;
    const notFound = this.failure && (this.failure.kind === 'notFound' || this.failure.kind === 'unauthorized');
    return html`<form novalidate @submit=${this.submit} class="status-form">
        ${f.summary()}
        <h2 class="heading" tabindex="-1">${l.term('referral.statusTitle')}</h2>
        <p class="hint">${l.term('referral.statusHint')}</p>
        ${f.field({ path: 'reference', kind: 'text', label: l.term('referral.reference'), width: 'medium', spellcheck: false, autocomplete: 'off' })}
        ${f.field({ path: 'code', kind: 'text', label: l.term('referral.code'), hint: l.term('referral.codeFormatHint'), spellcheck: false, autocomplete: 'off' })}
        <div class="button-group"><button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${l.term('referral.show')}</button></div>
      </form>
      <div class="status-result">
        ${this.busy ? html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>` : nothing}
        ${this.failure ? html`<p class="notice notice--error" role="alert" tabindex="-1">${notFound ? l.term('referral.notFound') : l.term(`client.${this.failure.kind}`)}</p>` : nothing}
        ${this.view ? html`<h3 tabindex="-1">${l.term('referral.currentStatus')}: ${statusText(l, this.view.status)}</h3>
          <h4>${l.term('referral.history')}</h4>
          <ol class="history">${[...this.view.history].reverse().map((h) => html`<li>
            <strong>${statusText(l, h.status)}</strong> <span class="muted">${l.date(h.at, { dateStyle: 'long', timeStyle: 'short' })}</span>
            ${h.note ? html`<p>${h.note}</p>` : nothing}
          </li>`)}</ol>` : nothing}
      </div>`;
  }
}
