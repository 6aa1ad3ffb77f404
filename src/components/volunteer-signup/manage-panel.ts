/**
 * A volunteer's own page, opened with the token from their email (or right after signing up): their shifts with
 * their status, each upcoming one cancellable after a second, explicit "Yes, cancel it".
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { ApiError } from '../../client/errors.ts';
import type { VolunteeringClient } from '../../client/volunteering.ts';
import type { SignupView } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { bookingText, placeText, shiftWhen } from './words.ts';

export interface ManageOptions {
  client: () => VolunteeringClient | undefined;
  token: () => string | undefined;
  localize: LocalizeController;
  announce: (message: string) => void;
}

export class ManagePanel {
  /** The shift whose cancellation waits for "Yes, cancel it". */
  private confirming?: string;
  private busy = false;
  private failure?: ApiError;
  private view?: SignupView;

  private readonly task: Task<[VolunteeringClient | undefined, string | undefined], SignupView | undefined>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly options: ManageOptions) {
    this.task = new Task(host, {
      task: async ([client, token], { signal }) => (client && token ? client.signup(token, { signal }) : undefined),
      args: () => [options.client(), options.token()] as const,
    });
  }

  private async cancel(shiftId: string, when: string) {
    const client = this.options.client();
    const token = this.options.token();
    if (!client || !token || this.busy) return;
    this.busy = true;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      this.view = await client.cancel(token, shiftId);
      this.confirming = undefined;
      this.options.announce(this.options.localize.term('volunteer.cancelled', { when }));
    } catch (error) {
      this.failure = error instanceof ApiError ? error : new ApiError('server', String(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.shadowRoot?.querySelector<HTMLElement>('.manage h2')?.focus();
    }
  }

  private renderSignup(view: SignupView) {
    const l = this.options.localize;
    const now = Date.now();
    const held = view.guardian === 'pending';
    const active = view.bookings.filter((b) => b.status !== 'cancelled' && Date.parse(b.shift.end) > now);
    return html`<p>${l.term('volunteer.manageIntro', { name: view.firstName, role: view.opportunity.role })}</p>
      <p class="muted">${l.term('form.referenceLabel')}: <strong>${view.reference}</strong>${view.opportunity.place ? html` · ${placeText(view.opportunity.place)}` : nothing}</p>
      ${held ? html`<p class="notice notice--info">${l.term('volunteer.guardianPending')}</p>` : nothing}
      ${this.failure ? html`<p class="notice notice--error" role="alert">${l.term(`client.${this.failure.kind}`)}</p>` : nothing}
      <ul class="bookings bookings--manage">
        ${view.bookings.map((b) => {
          const when = shiftWhen(l, b.shift);
          const upcoming = b.status !== 'cancelled' && Date.parse(b.shift.end) > now;
          return html`<li class="booking booking--${b.status}">
            <span class="booking__when">${when}</span> <strong>${bookingText(l, b, held)}</strong>
            ${upcoming && this.confirming !== b.shift.id ? html`<button type="button" class="button button--secondary"
              @click=${() => { this.confirming = b.shift.id; this.host.requestUpdate(); }}>${l.term('volunteer.cancelShift')}<span class="visually-hidden"> ${when}</span></button>` : nothing}
            ${this.confirming === b.shift.id ? html`<div class="confirm" role="group" aria-label=${l.term('volunteer.cancelConfirm', { when })}>
              <p>${l.term('volunteer.cancelConfirm', { when })}</p>
              <div class="button-group">
                <button type="button" class="button button--warning" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.cancel(b.shift.id, when)}>${l.term('volunteer.cancelYes')}</button>
                <button type="button" class="button button--secondary" @click=${() => { this.confirming = undefined; this.host.requestUpdate(); }}>${l.term('volunteer.cancelNo')}</button>
              </div>
            </div>` : nothing}
          </li>`;
        })}
      </ul>
      ${active.length === 0 ? html`<p>${l.term('volunteer.noActive')}</p>` : nothing}`;
  }

  render(icsUrl: string) {
    const l = this.options.localize;
    const body = this.task.render({
      pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
      error: (error) => html`<p class="notice notice--error" role="alert">${error instanceof ApiError && error.kind === 'notFound'
        ? l.term('volunteer.manageNotFound') : l.term('client.server')}</p>`,
      complete: (loaded) => {
        const view = this.view && this.view.reference === loaded?.reference ? this.view : loaded;
        return view ? html`${this.renderSignup(view)}<p><a class="link" href=${icsUrl} download="kentro-volunteering.ics">${l.term('volunteer.addToCalendar')}</a></p>` : nothing;
      },
    });
    return html`<section class="manage"><h2 class="heading" tabindex="-1">${l.term('volunteer.manageTitle')}</h2>${body}</section>`;
  }

  get loading() { return this.task.status === TaskStatus.PENDING; }
}
