import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VolunteeringClient } from '../../client/volunteering.ts';
import type { FieldError } from '../../contract/common.ts';
import type { MessageLocale } from '../../contract/people.ts';
import type { SignupCreated, SignupRequest, VolunteerOpportunity } from '../../contract/volunteering.ts';
import { AnnouncerController } from '../../core/announcer.ts';
import { KentroElement } from '../../core/kentro-element.ts';
import { Lazy } from '../../core/lazy.ts';
import { focusPageStart } from '../../forms/blocks.ts';
import { formStyles } from '../../forms/form.styles.ts';
import { FormToken } from '../../forms/form-token.ts';
import { FormStateController } from '../../forms/form-state.ts';
import { KioskController } from '../../forms/kiosk.ts';
import { sharedStyles } from '../../styles/shared.ts';
import { readLinkToken } from './link-token.ts';
import { GuardianPanel } from './guardian-panel.ts';
import { ManagePanel } from './manage-panel.ts';
import { renderOpportunityList, type OpportunityFilters } from './opportunity-list.ts';
import { renderOpportunityDetail, renderShiftPicker } from './shift-picker.ts';
import {
  aboutIssues, fullShiftIds, nextStep, previousStep, stepOfPath, toRequest,
  type SignupAnswers, type Step,
} from './signup-flow.ts';
import { renderAbout, renderCheck, renderDone, renderGuardian, renderMore, renderUnder15, type StepView } from './signup-steps.ts';
import styles from './volunteer-signup.styles.ts';
import { shiftWhen } from './words.ts';
import volunteerStrings from '../../core/translations/el/volunteer.ts';

/** Each page's schema (with zod): a chunk of its own, fetched when the first signup widget connects. */
const schemas = new Lazy(() => import('./signup-schemas.ts'));

/**
 * @summary The centre's Volunteer Network: opportunities with filters, a shift picker with places left and waiting
 * lists, the signup (with a guardian's agreement for 15–17), and the volunteer's own page to see or cancel shifts.
 * @tag kentro-volunteer-signup
 * @status experimental
 * @cssproperty [--kentro-volunteer-signup-min-height=24rem] - Space reserved before the widget loads.
 *
 * Opened from the links in our emails (`#kentro-manage=<token>`, `#kentro-guardian=<token>` in the page's URL), it
 * shows the volunteer's own page or the guardian's request, and takes the token out of the address bar.
 */
export class KentroVolunteerSignup extends KentroElement {
  static override styles = [sharedStyles, formStyles, styles];
  static override translations = [volunteerStrings];

  private readonly announcer = new AnnouncerController(this);
  readonly form: FormStateController<SignupAnswers> = new FormStateController<SignupAnswers>(this, {
    localize: this.localize, initial: () => ({}), kiosk: () => this.isKiosk, announce: (m) => this.announcer.announce(m),
  });
  private readonly kioskControl = new KioskController(this, {
    enabled: () => this.isKiosk && this.step !== 'browse', timeoutMs: () => this.kioskTimeoutMs, localize: this.localize,
    onReset: () => this.startOver(),
  });

  /** Open this opportunity's shifts directly (its id). */
  @property({ attribute: 'opportunity-id' }) opportunityId?: string;
  /** Show the volunteer's own page for this token (from the email link; read from `#kentro-manage=` too). */
  @property({ attribute: 'manage-token' }) manageToken?: string;
  /** Show a guardian's request for this token (read from `#kentro-guardian=` too). */
  @property({ attribute: 'guardian-token' }) guardianToken?: string;

  @state() private step: Step = 'browse';
  @state() private filters: OpportunityFilters = {};
  @state() private chosen?: VolunteerOpportunity;
  /** Shifts that filled while the person was typing. */
  @state() private filledNow: ReadonlySet<string> = new Set();
  @state() private result?: SignupCreated;
  private returnToCheck = false;
  private moveFocus = false;
  private readonly formToken = new FormToken();

  private get volunteering(): VolunteeringClient | undefined {
    return this.clientFor(VolunteeringClient);
  }

  private readonly manage = new ManagePanel(this, {
    client: () => this.volunteering, token: () => this.manageToken, localize: this.localize, announce: (m) => this.announcer.announce(m),
  });
  private readonly guardian = new GuardianPanel(this, {
    client: () => this.volunteering, token: () => this.guardianToken, localize: this.localize, announce: (m) => this.announcer.announce(m),
  });

  private readonly listTask = new Task(this, {
    task: ([client, manage, guardian], { signal }) => {
      if (manage || guardian) return Promise.resolve(undefined);
      if (!client) throw new Error('no-api');
      return client.opportunities({}, { signal });
    },
    args: () => [this.volunteering, this.manageToken, this.guardianToken] as const,
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
    this.followLink();
    addEventListener('hashchange', this.followLink);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.followLink);
  }

  /** A link from one of our emails, opened on this page (at load, or in place). */
  private readonly followLink = () => {
    const link = readLinkToken();
    if (link?.kind === 'manage') { this.guardianToken = undefined; this.manageToken = link.token; }
    if (link?.kind === 'guardian') { this.manageToken = undefined; this.guardianToken = link.token; }
    if (link) this.moveFocus = true;
  };

  protected override willUpdate(changed: PropertyValues<this>) {
    const items = this.listTask.value?.items;
    if (this.opportunityId && !this.chosen && items && (changed.has('opportunityId') || this.step === 'browse')) {
      const preselected = items.find((o) => o.id === this.opportunityId);
      if (preselected) { this.chosen = preselected; this.step = 'shifts'; }
    }
  }

  protected override updated() {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    focusPageStart(this.renderRoot);
  }

  private go(step: Step, returnToCheck = false) {
    if (step === 'shifts' || step === 'about') void this.formToken.get(this.api);
    this.returnToCheck = returnToCheck || (this.returnToCheck && step !== 'browse' && step !== 'done');
    this.moveFocus = true;
    this.step = step;
  }

  private choose(opportunity: VolunteerOpportunity) {
    if (this.chosen?.id !== opportunity.id) this.form.set('shiftIds', undefined);
    this.chosen = opportunity;
    this.filledNow = new Set();
    this.go('shifts');
  }


  private readonly handleContinue = async (e: Event) => {
    e.preventDefault();
    const f = this.form;
    const o = this.chosen!;
    // Loaded since the widget connected; offline, the rules across answers still run and the server checks the rest.
    const s = schemas.value ?? await schemas.get().catch(() => undefined);
    if (this.step === 'shifts' && !f.validate(s?.ShiftsStep)) return;
    if (this.step === 'about' && !f.validate(s?.AboutStep, [], () => aboutIssues(f.values, o))) return;
    if (this.step === 'guardian' && !f.validate(s?.GuardianStep, ['guardian'])) return;
    if (this.step === 'more' && !f.validate(s?.MoreStep)) return;
    this.go(nextStep(this.step, f.values, this.returnToCheck));
  };

  /** Shifts that are full now: choosing one means joining its waiting list. */
  private get waitlisting(): ReadonlySet<string> {
    const chosen = this.form.values.shiftIds ?? [];
    return new Set(this.chosen?.shifts.filter((s) => chosen.includes(s.id) && (s.placesLeft === 0 || this.form.values.waitlistIfFull && this.filledNow.has(s.id))).map((s) => s.id));
  }

  private async submit() {
    const client = this.volunteering;
    const o = this.chosen;
    if (!client || !o) return;
    const renderedAt = await this.formToken.forSend(this.api);
    const href = typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location.href.split('#')[0] : undefined;
    const body: SignupRequest = toRequest(this.form.values, o, {
      locale: (['el', 'en', 'ar'].includes(this.localize.locale) ? this.localize.locale : 'el') as MessageLocale,
      pageUrl: href, website: this.form.website, renderedAt,
    });
    if (this.waitlisting.size > 0) body.waitlistIfFull = true;
    const result = await this.form.submit(body, (b, ctx) => client.signUp(b as SignupRequest, ctx));
    this.formToken.afterSend(this.form.failure);
    if (result) {
      this.result = result;
      this.manageToken = undefined;
      if (this.isKiosk) this.form.reset();
      this.go('done');
      return;
    }
    if (this.form.errors.length) await this.showServerErrors(body);
  }

  /** Field errors from the server: back to the page of the first one; shifts that filled are marked there. */
  private async showServerErrors(body: SignupRequest) {
    const o = this.chosen!;
    const full = fullShiftIds(this.form.errors, body);
    const errors: FieldError[] = this.form.errors.map((e) => {
      if (e.path[0] !== 'shiftIds' || typeof e.path[1] !== 'number') return e;
      const index = o.shifts.findIndex((s) => s.id === body.shiftIds[e.path[1] as number]);
      return { ...e, path: index > 0 ? ['shiftIds', index] : ['shiftIds'] };
    });
    if (full.length) {
      this.filledNow = new Set(full);
      const fresh = await this.volunteering?.opportunity(o.id).catch(() => undefined);
      if (fresh) this.chosen = fresh;
    }
    this.go(stepOfPath(errors[0]!.path, this.form.values));
    this.form.fail(errors);
  }

  private joinWaitlist(shiftId: string) {
    this.form.set('waitlistIfFull', true);
    this.filledNow = new Set([...this.filledNow].filter((id) => id !== shiftId));
    this.form.clearErrors();
    this.go('check');
  }

  private startOver() {
    this.form.reset();
    this.chosen = undefined;
    this.result = undefined;
    this.filledNow = new Set();
    this.returnToCheck = false;
    this.formToken.reset();
    this.go('browse');
  }

  private renderFlow() {
    const l = this.localize;
    const o = this.chosen;
    if (this.step === 'browse' || !o) {
      return this.listTask.render({
        pending: () => html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span> ${l.term('common.loading')}</p>`,
        error: (e) => (e as Error).message === 'no-api'
          ? html`<p class="notice">${l.term('provider.missingApi')}</p>`
          : html`<div class="notice notice--error" role="alert"><p>${l.term('volunteer.loadError')}</p>
              <button type="button" class="button button--secondary" @click=${() => this.listTask.run()}>${l.term('common.retry')}</button></div>`,
        complete: (list) => renderOpportunityList({
          l, items: list?.items ?? [], filters: this.filters, onFilter: (f) => { this.filters = f; }, onChoose: (c) => this.choose(c),
        }),
      });
    }
    const view: StepView = {
      l, form: this.form, opportunity: o, onContinue: this.handleContinue,
      onBack: () => this.go(previousStep(this.step, this.form.values)), go: (s, r) => this.go(s, r),
    };
    switch (this.step) {
      case 'shifts':
        this.form.label('shiftIds', l.term('volunteer.shiftsLegend'));
        o.shifts.forEach((shift, i) => { if (i > 0) this.form.label(`shiftIds.${i}`, shiftWhen(l, shift)); });
        return html`<button type="button" class="button button--link back" @click=${() => this.go('browse')}>${l.term('volunteer.backToList')}</button>
        <h2>${o.role}</h2>
        ${renderOpportunityDetail(l, o)}
        <form novalidate @submit=${this.handleContinue}>
          ${this.form.summary()}
          ${renderShiftPicker({
            l, opportunity: o, chosen: this.form.values.shiftIds ?? [], filledNow: this.filledNow,
            error: this.form.errorFor('shiftIds'), errorPrefix: l.term('form.errorPrefix'),
            onToggle: (id, on) => this.form.set('shiftIds', on ? [...(this.form.values.shiftIds ?? []), id] : this.form.values.shiftIds?.filter((s) => s !== id)),
            onJoinWaitlist: (id) => this.joinWaitlist(id),
          })}
          <div class="button-group"><button class="button" type="submit">${l.term('common.continue')}</button></div>
        </form>`;
      case 'about': return renderAbout(view);
      case 'under15': return renderUnder15(view);
      case 'guardian': return renderGuardian(view);
      case 'more': return renderMore(view);
      case 'check': return renderCheck({ ...view, waitlisting: this.waitlisting, onSubmit: () => this.submit() });
      case 'done': return this.result ? renderDone({
        l, opportunity: o, result: this.result, guardianName: this.isKiosk ? undefined : this.form.values.guardian?.name,
        icsUrl: this.volunteering!.icsUrl(this.result.manageToken), kiosk: this.isKiosk,
        onManage: () => { this.manageToken = this.result!.manageToken; this.moveFocus = true; },
        onAnother: () => this.startOver(),
      }) : nothing;
      default: return nothing;
    }
  }

  protected override render() {
    const body = this.guardianToken ? this.guardian.render()
      : this.manageToken ? this.manage.render(this.volunteering?.icsUrl(this.manageToken) ?? '')
      : this.renderFlow();
    return html`${body}${this.kioskControl.render()}${this.announcer.render()}`;
  }
}
