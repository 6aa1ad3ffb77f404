/** The question pages after the shifts, check answers and the confirmation: pure renders over the form state. */
import { html, nothing, type TemplateResult } from 'lit';
import { AGE_BANDS, type AgeBand } from '../../contract/people-values.ts';
import type { SignupCreated, VolunteerOpportunity } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { renderCheckAnswers, renderConfirmation, renderHoneypot } from '../../forms/blocks.ts';
import type { FormStateController } from '../../forms/form-state.ts';
import type { SignupAnswers, Step } from './signup-flow.ts';
import { bookingText, shiftWhen } from './words.ts';

export interface StepView {
  l: LocalizeController;
  form: FormStateController<SignupAnswers>;
  opportunity: VolunteerOpportunity;
  onContinue: (e: Event) => void;
  onBack: () => void;
  go: (step: Step, returnToCheck?: boolean) => void;
}

const AGE_KEYS = {
  'under-15': 'volunteer.ageUnder15', '15-17': 'volunteer.age15to17', '18-20': 'volunteer.age18to20',
  '21-64': 'volunteer.age21to64', '65-plus': 'volunteer.age65plus',
} as const satisfies Record<AgeBand, string>;

export const ageText = (l: LocalizeController, band: AgeBand) => l.term(AGE_KEYS[band]);

function page(v: StepView, title: string, body: TemplateResult, submitText = v.l.term('common.continue')) {
  return html`<form novalidate @submit=${v.onContinue}>
    ${v.form.summary()}
    <h2 class="heading" tabindex="-1">${title}</h2>
    ${body}
    <div class="button-group">
      <button class="button" type="submit">${submitText}</button>
      <button class="button button--secondary" type="button" @click=${v.onBack}>${v.l.term('common.back')}</button>
    </div>
  </form>`;
}

export function renderAbout(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('volunteer.aboutTitle'), html`
    ${f.field({ path: 'name', kind: 'text', label: l.term('volunteer.name'), autocomplete: 'name', personal: true, spellcheck: false })}
    ${f.field({ path: 'email', kind: 'email', label: l.term('volunteer.email'), hint: l.term('volunteer.emailHint'), autocomplete: 'email', personal: true, inputmode: 'email' })}
    ${f.field({ path: 'phone', kind: 'tel', label: l.term('volunteer.phone'), hint: l.term('volunteer.phoneHint'), optional: true, autocomplete: 'tel', personal: true, width: 'medium' })}
    ${f.field({ path: 'ageBand', kind: 'radios', label: l.term('volunteer.ageBand'), hint: l.term('volunteer.ageHint'),
      options: AGE_BANDS.map((band) => ({ value: band, label: ageText(l, band) })) })}
    ${renderHoneypot(l.term('form.honeypot'), f.website, (value) => { f.website = value; })}`);
}

export function renderUnder15(v: StepView) {
  const { l } = v;
  return html`<div class="notice notice--info">
    <h2 class="heading" tabindex="-1">${l.term('volunteer.under15Title')}</h2>
    <p>${l.term('volunteer.under15Body')}</p>
    <div class="button-group">
      <button class="button button--secondary" type="button" @click=${() => v.go('about')}>${l.term('volunteer.under15Back')}</button>
      <button class="button button--secondary" type="button" @click=${() => v.go('browse')}>${l.term('volunteer.backToList')}</button>
    </div>
  </div>`;
}

export function renderGuardian(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('volunteer.guardianTitle'), html`
    <p class="hint">${l.term('volunteer.guardianHint')}</p>
    ${f.field({ path: 'guardian.name', kind: 'text', label: l.term('volunteer.guardianName'), personal: true, spellcheck: false })}
    ${f.field({ path: 'guardian.email', kind: 'email', label: l.term('volunteer.guardianEmail'), personal: true, inputmode: 'email' })}
    ${f.field({ path: 'guardian.phone', kind: 'tel', label: l.term('volunteer.guardianPhone'), optional: true, personal: true, width: 'medium' })}
    ${f.field({ path: 'guardian.relationship', kind: 'text', label: l.term('volunteer.guardianRelationship'), hint: l.term('volunteer.guardianRelationshipHint'), optional: true, width: 'medium' })}`);
}

export function renderMore(v: StepView) {
  const { l, form: f, opportunity } = v;
  return page(v, l.term('volunteer.moreTitle'), html`
    ${opportunity.skills.length ? f.field({ path: 'skills', kind: 'checkboxes', label: l.term('volunteer.skillsLegend'), hint: l.term('volunteer.skillsHint'), optional: true,
      options: opportunity.skills.map((s) => ({ value: s, label: s })) }) : nothing}
    ${f.field({ path: 'availability', kind: 'textarea', label: l.term('volunteer.availability'), hint: l.term('volunteer.availabilityHint'), optional: true, rows: 3 })}
    ${f.field({ path: 'accessibility', kind: 'textarea', label: l.term('volunteer.accessibilityNeeds'), hint: l.term('volunteer.accessibilityHint'), optional: true, rows: 3 })}
    ${f.field({ path: 'consent', kind: 'checkbox', label: l.term('volunteer.consent') })}
    <p class="hint">${l.term('volunteer.consentHint')}</p>`);
}

export function renderCheck(v: StepView & { waitlisting: ReadonlySet<string>; onSubmit: () => void }) {
  const { l, form: f, opportunity } = v;
  const a = f.values;
  const change = (step: Step) => () => v.go(step, true);
  const chosen = opportunity.shifts.filter((s) => a.shiftIds?.includes(s.id));
  const busy = f.status === 'sending' || f.status === 'retrying';
  const guardian = a.guardian;
  return html`<h2 class="heading" tabindex="-1">${l.term('form.checkAnswersTitle')}</h2>
    ${f.summary()}
    ${renderCheckAnswers([
      { label: l.term('volunteer.role'), value: opportunity.role },
      { label: l.term('volunteer.shifts'), onChange: change('shifts'), value: html`<ul class="plain">${chosen.map((s) => html`<li>${shiftWhen(l, s)}${
        v.waitlisting.has(s.id) ? html` <strong>(${l.term('volunteer.full')})</strong>` : nothing}</li>`)}</ul>` },
      { label: l.term('volunteer.name'), value: a.name, onChange: change('about') },
      { label: l.term('volunteer.email'), value: a.email, onChange: change('about') },
      { label: l.term('volunteer.phone'), value: a.phone, onChange: change('about') },
      { label: l.term('volunteer.ageBand'), value: a.ageBand && ageText(l, a.ageBand), onChange: change('about') },
      ...(a.ageBand === '15-17' ? [{ label: l.term('volunteer.guardianTitle'), onChange: change('guardian'),
        value: [guardian?.name, guardian?.relationship, guardian?.email, guardian?.phone].filter(Boolean).join(', ') }] : []),
      ...(opportunity.skills.length ? [{ label: l.term('volunteer.skillsLegend'), value: a.skills?.length ? l.list(a.skills) : undefined, onChange: change('more') }] : []),
      { label: l.term('volunteer.availability'), value: a.availability, onChange: change('more') },
      { label: l.term('volunteer.accessibilityNeeds'), value: a.accessibility, onChange: change('more') },
    ], { change: l.term('form.changeLink'), notProvided: l.term('form.notProvided') })}
    ${f.renderStatus()}
    <div class="button-group">
      <button class="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && v.onSubmit()}>${l.term('volunteer.signUp')}</button>
    </div>`;
}

export function renderDone(v: { l: LocalizeController; opportunity: VolunteerOpportunity; result: SignupCreated; guardianName?: string;
  icsUrl: string; kiosk: boolean; onManage: () => void; onAnother: () => void }) {
  const { l, result } = v;
  const title = result.status === 'awaiting-guardian' ? l.term('volunteer.doneGuardian')
    : result.status === 'waitlisted' ? l.term('volunteer.doneWaitlisted') : l.term('volunteer.doneConfirmed');
  const next = result.status === 'awaiting-guardian' ? l.term('volunteer.nextGuardian', { name: v.guardianName ?? '' })
    : result.status === 'waitlisted' ? l.term('volunteer.nextWaitlisted') : l.term('volunteer.nextConfirmed');
  const held = result.status === 'awaiting-guardian';
  return html`${renderConfirmation({ title, referenceLabel: l.term('form.referenceLabel'), reference: result.reference })}
    <h3>${v.opportunity.role}</h3>
    <ul class="bookings">${result.bookings.map((b) => {
      const shift = v.opportunity.shifts.find((s) => s.id === b.shiftId);
      return shift ? html`<li><span>${shiftWhen(l, shift)}</span> <strong>${bookingText(l, b, held)}</strong></li>` : nothing;
    })}</ul>
    <h3>${l.term('form.whatNext')}</h3>
    <p>${next}</p>
    ${v.kiosk ? nothing : html`<p><a class="link" href=${v.icsUrl} download="kentro-volunteering.ics">${l.term('volunteer.addToCalendar')}</a></p>`}
    <div class="button-group">
      ${v.kiosk ? nothing : html`<button class="button button--secondary" type="button" @click=${v.onManage}>${l.term('volunteer.manage')}</button>`}
      <button class="button button--secondary" type="button" @click=${v.onAnother}>${l.term('volunteer.another')}</button>
    </div>`;
}
