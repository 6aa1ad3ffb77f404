import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ReferralClient } from '../../client/referral.ts';
import type { MessageLocale } from '../../contract/people.ts';
import type { ReferralRequest } from '../../contract/referral.ts';
import { AnnouncerController } from '../../core/announcer.ts';
import { KentroElement } from '../../core/kentro-element.ts';
import { focusPageStart } from '../../forms/blocks.ts';
import { formStyles } from '../../forms/form.styles.ts';
import { FormToken } from '../../forms/form-token.ts';
import { FormStateController } from '../../forms/form-state.ts';
import { KioskController } from '../../forms/kiosk.ts';
import { sharedStyles } from '../../styles/shared.ts';
import styles from './dropout-referral.styles.ts';
import { renderCheck, renderDone } from './referral-check.ts';
import { QUESTION_STEPS, schemas, stepIssues, stepOfPath, toRequest, type QuestionStep, type ReferralAnswers, type Step } from './referral-flow.ts';
import { RENDER, renderRisk, type StepView } from './referral-steps.ts';
import { StatusPanel } from './status-panel.ts';
import referralStrings from '../../core/translations/el/referral.ts';

/**
 * @summary A school refers a pupil at risk of dropping out: referrer, pupil (the minimum), guardian, safety and
 * consent, indicators (absence, behaviour, course performance), support asked for, check answers; then a reference
 * and a status code to follow the referral, whose history never shows pupil data.
 * @tag kentro-dropout-referral
 * @status experimental
 * @cssproperty [--kentro-dropout-referral-min-height=28rem] - Space reserved before the form loads.
 *
 * Saying the child is in immediate danger stops the form and shows whom to call (112 and 1107 by default, from the
 * backend's options or the `emergency-number` and `child-line-number` attributes); nothing is sent.
 */
export class KentroDropoutReferral extends KentroElement {
  static override styles = [sharedStyles, formStyles, styles];
  static override translations = [referralStrings];

  private readonly announcer = new AnnouncerController(this);
  readonly form: FormStateController<ReferralAnswers> = new FormStateController<ReferralAnswers>(this, {
    localize: this.localize, initial: () => ({}), kiosk: () => this.isKiosk, announce: (m) => this.announcer.announce(m),
  });
  readonly status: StatusPanel = new StatusPanel(this, {
    localize: this.localize, client: () => this.referrals, announce: (m) => this.announcer.announce(m),
  });
  readonly kioskControl: KioskController = new KioskController(this, {
    enabled: () => this.isKiosk && (this.step !== 'referrer' || Object.keys(this.form.values).length > 0 || this.mode === 'status'),
    timeoutMs: () => this.kioskTimeoutMs, localize: this.localize, onReset: () => this.startOver(),
  });

  /** `refer` (default) or `status`: check a referral with its reference and status code. */
  @property({ reflect: true }) mode: 'refer' | 'status' = 'refer';
  /** A programme to ask for, preselected (an HSDS service id); the directory sets it on "Refer a pupil". */
  @property({ attribute: 'service-id' }) serviceId?: string;
  /** Override the backend's emergency number (112). */
  @property({ attribute: 'emergency-number' }) emergencyNumber?: string;
  /** Override the backend's child-protection line (1107). */
  @property({ attribute: 'child-line-number' }) childLineNumber?: string;

  @state() private step: Step = 'referrer';
  @state() private created?: { reference: string; code: string };
  private returnToCheck = false;
  private moveFocus = false;
  private readonly formToken = new FormToken();

  private get referrals(): ReferralClient | undefined {
    return this.clientFor(ReferralClient);
  }

  private readonly optionsTask = new Task(this, {
    task: ([client], { signal }) => {
      if (!client) throw new Error('no-api');
      void this.formToken.get(this.api);
      return client.options({ signal });
    },
    args: () => [this.referrals] as const,
  });

  /** Also waits for the page schemas (fetched when the widget connects), so "ready" means every check can run. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await schemas.get().catch(() => undefined);
    return done;
  }

  override connectedCallback() {
    super.connectedCallback();
    schemas.preload();
    this.serviceId ??= new URL(location.href).searchParams.get('kentro-service') ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const programmes = this.optionsTask.value?.programmes;
    if (this.serviceId && programmes?.some((p) => p.id === this.serviceId) && !this.form.values.support?.serviceIds?.includes(this.serviceId)
      && (changed.has('serviceId') || !this.form.values.support?.serviceIds)) {
      this.form.set('support.serviceIds', [...(this.form.values.support?.serviceIds ?? []), this.serviceId]);
    }
    if (changed.has('mode') && this.hasUpdated) this.moveFocus = true;
  }

  protected override updated() {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    focusPageStart(this.renderRoot);
  }

  private go(step: Step, returnToCheck = false) {
    this.returnToCheck = returnToCheck || (this.returnToCheck && step !== 'done');
    this.moveFocus = true;
    this.step = step;
  }


  private readonly handleContinue = async (e: Event) => {
    e.preventDefault();
    const step = this.step as QuestionStep;
    // Immediate danger: straight to "call now", whatever else is unanswered; nothing is sent.
    if (step === 'consent' && this.form.values.consent?.immediateRisk === 'yes') { this.form.clearErrors(); return this.go('risk'); }
    // Loaded since the widget connected; offline, the rules across answers still run and the server checks the rest.
    const s = schemas.value ?? await schemas.get().catch(() => undefined);
    if (!this.form.validate(s?.STEP_SCHEMAS[step], [step], () => stepIssues(step, this.form.values))) return;
    const next = QUESTION_STEPS[QUESTION_STEPS.indexOf(step) + 1];
    this.go(this.returnToCheck || !next ? 'check' : next);
  };

  private async submit() {
    const client = this.referrals;
    if (!client || this.form.values.consent?.immediateRisk !== 'no') return;
    const renderedAt = await this.formToken.forSend(this.api);
    const locale = (['el', 'en', 'ar'].includes(this.localize.locale) ? this.localize.locale : 'el') as MessageLocale;
    const body = toRequest(this.form.values, { locale, website: this.form.website, renderedAt });
    const result = await this.form.submit(body, (b, ctx) => client.submit(b as ReferralRequest, ctx));
    this.formToken.afterSend(this.form.failure);
    if (result) {
      this.created = { reference: result.reference, code: result.statusToken };
      this.form.reset();
      this.formToken.reset();
      this.go('done');
    } else if (this.form.errors.length) {
      const errors = this.form.errors;
      this.go(stepOfPath(errors[0]!.path));
      this.form.fail(errors);
    }
  }

  private startOver() {
    this.form.reset();
    this.status.reset();
    this.created = undefined;
    this.formToken.reset();
    this.returnToCheck = false;
    this.mode = 'refer';
    this.go('referrer');
  }

  private checkStatus() {
    if (this.created) this.status.prefill(this.created.reference, this.created.code);
    this.mode = 'status';
  }

  private renderRefer() {
    const l = this.localize;
    return this.optionsTask.render({
      pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
      error: (e) => (e as Error).message === 'no-api'
        ? html`<p class="notice">${l.term('provider.missingApi')}</p>`
        : html`<div class="notice notice--error" role="alert"><p>${l.term('referral.loadError')}</p>
            <button type="button" class="button button--secondary" @click=${() => this.optionsTask.run()}>${l.term('common.retry')}</button></div>`,
      complete: (options) => {
        if (this.step === 'risk') {
          const numbers = { general: this.emergencyNumber ?? options.emergency.general, childLine: this.childLineNumber ?? options.emergency.childLine };
          return renderRisk(l, numbers, () => this.go('consent'));
        }
        if (this.step === 'done') return renderDone(l, this.created?.reference ?? '', this.created?.code ?? '', () => this.checkStatus(), () => this.startOver());
        if (this.step === 'check') return renderCheck({ l, form: this.form, options, change: (s) => this.go(s, true), onSubmit: () => this.submit() });
        const step = this.step;
        const index = QUESTION_STEPS.indexOf(step);
        const view: StepView = {
          l, form: this.form, options, onContinue: this.handleContinue,
          progress: l.term('referral.step', { step: index + 1, total: QUESTION_STEPS.length }),
          onBack: index > 0 ? () => this.go(this.returnToCheck ? 'check' : QUESTION_STEPS[index - 1]!) : undefined,
        };
        return RENDER[step](view);
      },
    });
  }

  protected override render() {
    const l = this.localize;
    const status = this.mode === 'status';
    const switcher = this.step === 'done' && !status ? nothing : html`<p class="mode"><button type="button" class="button button--link"
      @click=${() => { if (status) this.mode = 'refer'; else this.checkStatus(); }}>${l.term(status ? 'referral.newLink' : 'referral.checkLink')}</button></p>`;
    return html`${switcher}${status ? this.status.render() : this.renderRefer()}${this.kioskControl.render()}${this.announcer.render()}`;
  }
}
