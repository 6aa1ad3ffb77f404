/**
 * The page a minor's guardian opens from our email: who signed up for what, and "I agree" / "I do not agree".
 * Nothing changes on opening the link (mail scanners open links too); only the guardian's button decides.
 */
import { Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ApiError } from '../../client/errors.ts';
import type { VolunteeringClient } from '../../client/volunteering.ts';
import type { GuardianView } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { placeText, shiftWhen } from './words.ts';

export interface GuardianOptions {
  client: () => VolunteeringClient | undefined;
  token: () => string | undefined;
  localize: LocalizeController;
  announce: (message: string) => void;
}

export class GuardianPanel {
  private decided?: GuardianView;
  private busy = false;
  private failure?: ApiError;
  private readonly task: Task<[VolunteeringClient | undefined, string | undefined], GuardianView | undefined>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly options: GuardianOptions) {
    this.task = new Task(host, {
      task: async ([client, token], { signal }) => (client && token ? client.guardianRequest(token, { signal }) : undefined),
      args: () => [options.client(), options.token()] as const,
    });
  }

  private async decide(decision: 'confirm' | 'decline') {
    const client = this.options.client();
    const token = this.options.token();
    if (!client || !token || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      this.decided = await client.decide(token, decision);
      const l = this.options.localize;
      this.options.announce(l.term(decision === 'confirm' ? 'volunteer.agreed' : 'volunteer.declined', { name: this.decided.minorFirstName }));
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('server', String(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.shadowRoot?.querySelector<HTMLElement>('.guardian-request .outcome, .guardian-request .notice--error')?.focus();
    }
  }

  private renderRequest(view: GuardianView) {
    const l = this.options.localize;
    const name = view.minorFirstName;
    const o = view.opportunity;
    return html`<h2 class="heading" tabindex="-1">${l.term('volunteer.guardianViewTitle', { name })}</h2>
      <p>${l.term('volunteer.guardianViewIntro', { name })}</p>
      <h3>${o.role}</h3>
      <p>${o.description}</p>
      <dl class="facts">
        ${o.place ? html`<div><dt>${l.term('volunteer.where')}</dt><dd>${placeText(o.place)}</dd></div>` : nothing}
        ${o.requirements ? html`<div><dt>${l.term('volunteer.requirements')}</dt><dd>${o.requirements}</dd></div>` : nothing}
        <div><dt>${l.term('volunteer.minorShifts')}</dt><dd><ul class="plain">${view.shifts.map((s) => html`<li>${shiftWhen(l, s)}</li>`)}</ul></dd></div>
      </dl>
      <p class="muted">${l.term('form.referenceLabel')}: <strong>${view.reference}</strong></p>
      ${this.failure ? html`<p class="notice notice--error" role="alert" tabindex="-1">${l.term(`client.${this.failure.kind}`)}</p>` : nothing}
      ${view.decision === 'pending'
        ? html`<div class="button-group" role="group" aria-label=${l.term('volunteer.decisionTitle')}>
            <button type="button" class="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.decide('confirm')}>${l.term('volunteer.agree')}</button>
            <button type="button" class="button button--secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.decide('decline')}>${l.term('volunteer.decline')}</button>
          </div>`
        : html`<p class="notice notice--success outcome" tabindex="-1">${l.term(view.decision === 'confirmed' ? 'volunteer.agreed' : 'volunteer.declined', { name })}</p>`}`;
  }

  render() {
    const l = this.options.localize;
    const body = this.task.render({
      pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
      error: (error) => html`<p class="notice notice--error" role="alert">${error instanceof ApiError && error.kind === 'notFound'
        ? l.term('volunteer.guardianNotFound') : l.term('client.server')}</p>`,
      complete: (loaded) => {
        const view = this.decided ?? loaded;
        return view ? this.renderRequest(view) : nothing;
      },
    });
    return html`<section class="guardian-request">${body}</section>`;
  }
}
