/**
 * A small two-question form built only from the form kit (fields, error summary, check answers, confirmation,
 * kiosk), so Storybook shows the kit's states and the browser tests drive it as a person would.
 * Widgets of issues 3–7 are built the same way.
 */
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { AnnouncerController } from '../../src/core/announcer.ts';
import { define } from '../../src/core/define.ts';
import { KentroElement } from '../../src/core/kentro-element.ts';
import { renderCheckAnswers, renderConfirmation, renderHoneypot } from '../../src/forms/blocks.ts';
import { formStyles } from '../../src/forms/form.styles.ts';
import { FormStateController } from '../../src/forms/form-state.ts';
import { KioskController } from '../../src/forms/kiosk.ts';
import { sharedStyles } from '../../src/styles/shared.ts';

export const ContactAnswers = z.object({
  name: z.string().check(z.trim(), z.minLength(2, 'required'), z.maxLength(80)),
  email: z.email('email'),
  phone: z.optional(z.string().check(z.regex(/^\+?[\d\s-]{10,15}$/, 'phone'))),
  method: z.enum(['phone', 'email', 'visit'], 'choice'),
  consent: z.literal(true, 'consent'),
});
export type ContactAnswers = z.infer<typeof ContactAnswers>;

export type Step = 'questions' | 'check' | 'done';

export class KentroFormKitExample extends KentroElement {
  static override styles = [sharedStyles, formStyles];

  private readonly announcer = new AnnouncerController(this);
  readonly form: FormStateController<Partial<ContactAnswers>> = new FormStateController<Partial<ContactAnswers>>(this, {
    localize: this.localize, initial: () => ({}), kiosk: () => this.isKiosk, announce: (m) => this.announcer.announce(m),
  });
  readonly kioskControl: KioskController = new KioskController(this, {
    enabled: () => this.isKiosk, timeoutMs: () => this.kioskTimeoutMs, localize: this.localize,
    onReset: () => { this.form.reset(); this.step = 'questions'; },
  });

  /** Which page to show. */
  @property() step: Step = 'questions';
  /** The reference shown on the confirmation page. */
  @property() reference = '';
  /** Sends the answers; returns the reference. Set by the host (a test or a story). */
  @property({ attribute: false }) send?: (body: unknown, ctx: { idempotencyKey: string; signal: AbortSignal; onRetry: () => void }) => Promise<string>;

  @state() private heading = false;

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('step') && this.heading) this.renderRoot.querySelector<HTMLElement>('h2[tabindex="-1"], .panel__title')?.focus();
  }

  private go(step: Step) {
    this.heading = true;
    this.step = step;
  }

  private handleContinue(e: Event) {
    e.preventDefault();
    if (this.form.validate(ContactAnswers)) this.go('check');
  }

  private async handleSubmit() {
    if (!this.send) return;
    const reference = await this.form.submit({ ...this.form.values, website: this.form.website }, this.send);
    if (reference) {
      this.reference = reference;
      if (this.isKiosk) this.form.reset();
      this.go('done');
    }
  }

  private renderQuestions() {
    const f = this.form;
    const en = this.localize.locale !== 'el';
    return html`<form novalidate @submit=${this.handleContinue}>
      ${f.summary()}
      <h2 tabindex="-1">${en ? 'How can we contact you?' : 'Πώς να επικοινωνήσουμε μαζί σας;'}</h2>
      ${f.field({ path: 'name', kind: 'text', label: en ? 'Full name' : 'Ονοματεπώνυμο', autocomplete: 'name', personal: true, spellcheck: false })}
      ${f.field({ path: 'email', kind: 'email', label: 'Email', hint: en ? 'We only use it to reply to you.' : 'Τη χρησιμοποιούμε μόνο για να σας απαντήσουμε.', autocomplete: 'email', personal: true, inputmode: 'email' })}
      ${f.field({ path: 'phone', kind: 'tel', label: en ? 'Phone' : 'Τηλέφωνο', optional: true, autocomplete: 'tel', personal: true, width: 'medium' })}
      ${f.field({ path: 'method', kind: 'radios', label: en ? 'How should we contact you?' : 'Πώς προτιμάτε να επικοινωνήσουμε;', options: [
        { value: 'phone', label: en ? 'Phone call' : 'Τηλεφωνικά' },
        { value: 'email', label: 'Email' },
        { value: 'visit', label: en ? 'I will visit the centre' : 'Θα έρθω στο κέντρο', hint: en ? 'Monday to Friday, 08:00–15:00' : 'Δευτέρα έως Παρασκευή, 08:00–15:00' },
      ] })}
      ${f.field({ path: 'consent', kind: 'checkbox', label: en ? 'I agree that the centre contacts me about this request' : 'Συμφωνώ να επικοινωνήσει το κέντρο μαζί μου για αυτό το αίτημα' })}
      ${renderHoneypot(this.localize.term('form.honeypot'), f.website, (v) => { f.website = v; })}
      <div class="button-group"><button class="button" type="submit">${this.localize.term('common.continue')}</button></div>
    </form>`;
  }

  private renderCheck() {
    const f = this.form;
    const en = this.localize.locale !== 'el';
    const change = () => this.go('questions');
    const busy = f.status === 'sending' || f.status === 'retrying';
    return html`<h2 tabindex="-1">${this.localize.term('form.checkAnswersTitle')}</h2>
      ${f.summary()}
      ${renderCheckAnswers([
        { label: en ? 'Full name' : 'Ονοματεπώνυμο', value: f.value('name') as string, onChange: change },
        { label: 'Email', value: f.value('email') as string, onChange: change },
        { label: en ? 'Phone' : 'Τηλέφωνο', value: f.value('phone') as string | undefined, onChange: change },
      ], { change: this.localize.term('form.changeLink'), notProvided: this.localize.term('form.notProvided') })}
      ${f.renderStatus()}
      <div class="button-group">
        <button class="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && this.handleSubmit()}>${this.localize.term('common.submit')}</button>
      </div>`;
  }

  protected override render() {
    const body = this.step === 'questions' ? this.renderQuestions()
      : this.step === 'check' ? this.renderCheck()
      : renderConfirmation({
        title: this.localize.locale === 'el' ? 'Το αίτημά σας στάλθηκε' : 'Your request was sent',
        referenceLabel: this.localize.term('form.referenceLabel'), reference: this.reference,
      });
    return html`${body}${this.kioskControl.render()}${this.announcer.render()}`;
  }
}

define('kentro-form-kit-example', KentroFormKitExample);

declare global {
  interface HTMLElementTagNameMap { 'kentro-form-kit-example': KentroFormKitExample }
}
