import { Task } from '@lit/task';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IntakeClient } from '../../client/intake.ts';
import type { ContactMethod, IntakeRequest } from '../../contract/intake.ts';
import type { MessageLocale } from '../../contract/people.ts';
import { AnnouncerController } from '../../core/announcer.ts';
import { KentroElement } from '../../core/kentro-element.ts';
import { Lazy } from '../../core/lazy.ts';
import { focusPageStart } from '../../forms/blocks.ts';
import { formStyles } from '../../forms/form.styles.ts';
import { FormToken } from '../../forms/form-token.ts';
import { FormStateController } from '../../forms/form-state.ts';
import { KioskController } from '../../forms/kiosk.ts';
import { sharedStyles } from '../../styles/shared.ts';
import { ExitPageController } from './exit-page.ts';
import { renderCheck, renderDone } from './intake-check.ts';
import { QUESTION_STEPS, stepIssues, stepOfPath, toRequest, type IntakeAnswers, type Step } from './intake-flow.ts';
import styles from './intake-form.styles.ts';
import { renderAbout, renderAccess, renderContact, renderFacts, renderLanguage, renderNeeds, type StepView } from './intake-steps.ts';
import intakeStrings from '../../core/translations/el/intake.ts';

const RENDER = { needs: renderNeeds, about: renderAbout, contact: renderContact, language: renderLanguage, access: renderAccess, facts: renderFacts };

/** Each page's schema (with zod): a chunk of its own, fetched when the first form connects. */
const schemas = new Lazy(() => import('./intake-schemas.ts'));

/**
 * @summary The centre's front door: a person asks for help, one topic per page, and gets a reference number.
 * Needs from the centre's taxonomy (with a pre-check for the Minimum Guaranteed Income), about you (or anonymous),
 * contact, language and interpreter, accessibility, optional facts with their own consent, check answers.
 * @tag kentro-intake-form
 * @status experimental
 * @cssproperty [--kentro-intake-form-min-height=28rem] - Space reserved before the form loads.
 *
 * "Exit this page" (button, or Shift three times) wipes everything at once. Nothing is kept in browser storage; a
 * failed or slow submission keeps the answers on screen and retries with the same Idempotency-Key.
 */
export class KentroIntakeForm extends KentroElement {
  static override styles = [sharedStyles, formStyles, styles];
  static override translations = [intakeStrings];

  private readonly announcer = new AnnouncerController(this);
  readonly form: FormStateController<IntakeAnswers> = new FormStateController<IntakeAnswers>(this, {
    localize: this.localize, initial: () => ({}), kiosk: () => this.isKiosk, announce: (m) => this.announcer.announce(m),
  });
  readonly kioskControl: KioskController = new KioskController(this, {
    enabled: () => this.isKiosk && !this.exited && (this.step !== 'needs' || Object.keys(this.form.values).length > 0),
    timeoutMs: () => this.kioskTimeoutMs, localize: this.localize, onReset: () => this.startOver(),
  });
  private readonly exitPage = new ExitPageController(this, {
    localize: this.localize, href: () => this.exitHref, active: () => !this.exited, onExit: () => this.wipe(),
  });

  /** The directory programme the person asks about (an HSDS service id); the directory sets it on "Ask for help". */
  @property({ attribute: 'service-id' }) serviceId?: string;
  /** Where "Exit this page" goes (replacing the page); by default the widget shows neutral content instead. */
  @property({ attribute: 'exit-href' }) exitHref?: string;

  @state() private step: Step = 'needs';
  @state() private reference?: string;
  @state() private exited = false;
  private methodsSent: ContactMethod[] = [];
  private returnToCheck = false;
  private moveFocus = false;
  private readonly formToken = new FormToken();

  private get intake(): IntakeClient | undefined {
    return this.clientFor(IntakeClient);
  }

  private readonly optionsTask = new Task(this, {
    task: ([client], { signal }) => {
      if (!client) throw new Error('no-api');
      void this.formToken.get(this.api);
      return client.options({ signal });
    },
    args: () => [this.intake] as const,
  });

  private readonly serviceTask = new Task(this, {
    task: ([client, id], { signal }) => (client && id ? client.service(id, { signal }).catch(() => undefined) : Promise.resolve(undefined)),
    args: () => [this.intake, this.serviceId] as const,
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
    // Arrived from a directory on another page (`intake-href?kentro-service=…`).
    this.serviceId ??= new URL(location.href).searchParams.get('kentro-service') ?? undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('serviceId') && this.serviceId) {
      this.form.set('serviceId', this.serviceId);
      if (changed.get('serviceId') !== undefined || this.hasUpdated) this.go('needs');
    }
    const service = this.serviceTask.value;
    if (service && service.id === this.serviceId && !this.form.values.needs) {
      const known = new Set(this.optionsTask.value?.needs.map((n) => n.id));
      const preselected = (service.attributes ?? []).map((a) => a.taxonomy_term_id).filter((id): id is string => !!id && known.has(id));
      if (preselected.length) this.form.set('needs', [...new Set(preselected)]);
    }
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


  private next(): Step {
    if (this.returnToCheck) return 'check';
    const i = QUESTION_STEPS.indexOf(this.step as (typeof QUESTION_STEPS)[number]);
    return QUESTION_STEPS[i + 1] ?? 'check';
  }

  private readonly handleContinue = async (e: Event) => {
    e.preventDefault();
    const step = this.step as (typeof QUESTION_STEPS)[number];
    // Loaded since the form connected; offline, the rules across answers still run and the server checks the rest.
    const page = (schemas.value ?? await schemas.get().catch(() => undefined))?.STEP_SCHEMAS[step];
    if (this.form.validate(page?.schema, page?.prefix, () => stepIssues(step, this.form.values))) this.go(this.next());
  };

  private async submit() {
    const client = this.intake;
    if (!client) return;
    const renderedAt = await this.formToken.forSend(this.api);
    const locale = (['el', 'en', 'ar'].includes(this.localize.locale) ? this.localize.locale : 'el') as MessageLocale;
    const body: IntakeRequest = toRequest(this.form.values, { locale, website: this.form.website, renderedAt });
    const result = await this.form.submit(body, (b, ctx) => client.submit(b as IntakeRequest, ctx));
    this.formToken.afterSend(this.form.failure);
    if (result) {
      this.reference = result.reference;
      this.methodsSent = body.contact.methods;
      // Nothing personal stays behind on a shared computer, nor after the person has their reference.
      this.form.reset();
      this.formToken.reset();
      this.go('done');
      this.announcer.announce(`${this.localize.term('intake.doneTitle')}: ${result.reference}`);
    } else if (this.form.errors.length) {
      const errors = this.form.errors.map((e) => (e.path[0] === 'needs' ? { ...e, path: ['needs'] } : e));
      this.go(stepOfPath(errors[0]!.path));
      this.form.fail(errors);
    }
  }

  /** Wipes every answer and state ("exit this page"). */
  private wipe() {
    this.form.reset();
    this.reference = undefined;
    this.methodsSent = [];
    this.serviceId = undefined;
    this.formToken.reset();
    this.returnToCheck = false;
    this.step = 'needs';
    this.exited = true;
  }

  private startOver() {
    this.form.reset();
    this.reference = undefined;
    this.formToken.reset();
    this.returnToCheck = false;
    this.go('needs');
    void this.formToken.get(this.api);
  }

  private renderStep() {
    const l = this.localize;
    return this.optionsTask.render({
      pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
      error: (e) => (e as Error).message === 'no-api'
        ? html`<p class="notice">${l.term('provider.missingApi')}</p>`
        : html`<div class="notice notice--error" role="alert"><p>${l.term('intake.loadError')}</p>
            <button type="button" class="button button--secondary" @click=${() => this.optionsTask.run()}>${l.term('common.retry')}</button></div>`,
      complete: (options) => {
        const serviceName = this.serviceId && this.serviceTask.value?.id === this.serviceId ? this.serviceTask.value.name : undefined;
        if (this.step === 'done') {
          return renderDone({ l, reference: this.reference ?? '', options, methods: this.methodsSent, onNew: () => this.startOver() });
        }
        if (this.step === 'check') {
          return renderCheck({ l, form: this.form, options, serviceName, change: (s) => this.go(s, true), onSubmit: () => this.submit() });
        }
        const step = this.step as (typeof QUESTION_STEPS)[number];
        const index = QUESTION_STEPS.indexOf(step);
        const view: StepView = {
          l, form: this.form, options, serviceName, onContinue: this.handleContinue,
          progress: l.term('intake.step', { step: index + 1, total: QUESTION_STEPS.length }),
          onBack: index > 0 ? () => this.go(this.returnToCheck ? 'check' : QUESTION_STEPS[index - 1]!) : undefined,
          onSkip: step === 'facts' ? () => { this.form.set('facts', undefined); this.form.clearErrors(); this.go(this.next()); } : undefined,
        };
        return RENDER[step](view);
      },
    });
  }

  protected override render() {
    const l = this.localize;
    if (this.exited) {
      return html`<div class="neutral"><h2 class="heading" tabindex="-1">${l.term('intake.exitedTitle')}</h2><p>${l.term('intake.exitedBody')}</p></div>`;
    }
    return html`${this.exitPage.render()}${this.renderStep()}${this.kioskControl.render()}${this.announcer.render()}`;
  }
}
