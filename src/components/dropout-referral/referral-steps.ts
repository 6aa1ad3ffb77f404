/** The question pages of the referral and the "call now" page: pure renders over the form state. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReferralOptions } from '../../contract/referral.ts';
import { absenceLevel } from '../../contract/referral-values.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { renderHoneypot } from '../../forms/blocks.ts';
import type { FormStateController } from '../../forms/form-state.ts';
import type { QuestionStep, ReferralAnswers } from './referral-flow.ts';
import { choices, PERFORMANCE_KEYS, RESPONSIBILITY_KEYS, ROLE_KEYS, telHref, URGENCY_KEYS } from './referral-words.ts';

export interface StepView {
  l: LocalizeController;
  form: FormStateController<ReferralAnswers>;
  options: ReferralOptions;
  progress: string;
  onContinue: (e: Event) => void;
  onBack?: () => void;
}

function page(v: StepView, title: string, body: TemplateResult, hint?: string) {
  return html`<form novalidate @submit=${v.onContinue}>
    ${v.form.summary()}
    <span class="caption">${v.progress}</span>
    <h2 class="heading" tabindex="-1">${title}</h2>
    ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    ${body}
    <div class="button-group">
      <button class="button" type="submit">${v.l.term('common.continue')}</button>
      ${v.onBack ? html`<button class="button button--secondary" type="button" @click=${v.onBack}>${v.l.term('common.back')}</button>` : nothing}
    </div>
  </form>`;
}

const yesNo = (l: LocalizeController) => [{ value: 'yes', label: l.term('common.yes') }, { value: 'no', label: l.term('common.no') }];

function referrer(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('referral.referrerTitle'), html`
    ${f.field({ path: 'referrer.name', kind: 'text', label: l.term('referral.name'), autocomplete: 'name', spellcheck: false })}
    ${f.field({ path: 'referrer.role', kind: 'radios', label: l.term('referral.role'), options: choices(l, ROLE_KEYS) })}
    ${f.field({ path: 'referrer.school', kind: 'text', label: l.term('referral.school'), autocomplete: 'organization' })}
    ${f.field({ path: 'referrer.email', kind: 'email', label: l.term('referral.workEmail'), hint: l.term('referral.workEmailHint'), autocomplete: 'work email', inputmode: 'email' })}
    ${f.field({ path: 'referrer.phone', kind: 'tel', label: l.term('referral.workPhone'), autocomplete: 'work tel', width: 'medium' })}
    ${renderHoneypot(l.term('form.honeypot'), f.website, (value) => { f.website = value; })}`, l.term('referral.referrerHint'));
}

function pupil(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('referral.pupilTitle'), html`
    ${f.field({ path: 'pupil.name', kind: 'text', label: l.term('referral.pupilName'), autocomplete: 'off', personal: true, spellcheck: false })}
    ${f.field({ path: 'pupil.birthDate', kind: 'date', label: l.term('referral.birthDate'), hint: l.term('referral.birthDateHint'), autocomplete: 'off', width: 'medium' })}
    ${f.field({ path: 'pupil.age', kind: 'number', label: l.term('referral.age'), optional: true, autocomplete: 'off', width: 'short' })}
    ${f.field({ path: 'pupil.class', kind: 'text', label: l.term('referral.pupilClass'), hint: l.term('referral.pupilClassHint'), width: 'medium' })}
    ${f.field({ path: 'pupil.homeLanguage', kind: 'text', label: l.term('referral.homeLanguage'), optional: true, width: 'medium' })}
    ${f.field({ path: 'pupil.interpreter', kind: 'checkbox', label: l.term('referral.interpreter') })}
    ${f.field({ path: 'pupil.learningNeeds', kind: 'textarea', label: l.term('referral.learningNeeds'), hint: l.term('referral.learningNeedsHint'), optional: true, rows: 3 })}`,
  l.term('referral.pupilHint'));
}

function guardian(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('referral.guardianTitle'), html`
    ${f.field({ path: 'guardian.name', kind: 'text', label: l.term('referral.guardianName'), autocomplete: 'off', spellcheck: false })}
    <p class="hint">${l.term('referral.guardianContactHint')}</p>
    ${f.field({ path: 'guardian.phone', kind: 'tel', label: l.term('referral.guardianPhone'), optional: true, autocomplete: 'off', width: 'medium' })}
    ${f.field({ path: 'guardian.email', kind: 'email', label: l.term('referral.guardianEmail'), optional: true, autocomplete: 'off', inputmode: 'email' })}
    ${f.field({ path: 'guardian.responsibility', kind: 'radios', label: l.term('referral.responsibility'), options: choices(l, RESPONSIBILITY_KEYS) })}`);
}

function consent(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('referral.consentTitle'), html`
    ${f.field({ path: 'consent.immediateRisk', kind: 'radios', label: l.term('referral.immediateRisk'), hint: l.term('referral.immediateRiskHint'), options: yesNo(l) })}
    ${f.field({ path: 'consent.guardianAgrees', kind: 'radios', label: l.term('referral.guardianAgrees'), options: yesNo(l) })}
    ${f.values.consent?.guardianAgrees === 'no'
      ? f.field({ path: 'consent.reason', kind: 'textarea', label: l.term('referral.reason'), hint: l.term('referral.reasonHint'), rows: 3 }) : nothing}`);
}

function indicators(v: StepView) {
  const { l, form: f } = v;
  const percent = Number(String(f.values.indicators?.absencePercent ?? '').replace(',', '.'));
  const level = Number.isFinite(percent) && String(f.values.indicators?.absencePercent ?? '') !== '' ? absenceLevel(percent) : 'none';
  return page(v, l.term('referral.indicatorsTitle'), html`
    ${f.field({ path: 'indicators.absencePercent', kind: 'number', label: l.term('referral.absence'), hint: l.term('referral.absenceHint'), inputmode: 'decimal', width: 'short' })}
    <p class="level" role="status">${level === 'none' ? nothing : html`<strong class="tag tag--${level}">${l.term(level === 'severe' ? 'referral.absenceSevere' : 'referral.absencePersistent')}</strong>`}</p>
    ${f.field({ path: 'indicators.behaviourIncidents', kind: 'number', label: l.term('referral.incidents'), width: 'short' })}
    ${f.field({ path: 'indicators.performance', kind: 'radios', label: l.term('referral.performance'), options: choices(l, PERFORMANCE_KEYS) })}
    ${f.field({ path: 'indicators.tried', kind: 'textarea', label: l.term('referral.tried'), rows: 3 })}
    ${f.field({ path: 'indicators.otherFactors', kind: 'textarea', label: l.term('referral.otherFactors'), hint: l.term('referral.otherFactorsHint'), optional: true, rows: 3 })}
    ${f.field({ path: 'indicators.agencies', kind: 'textarea', label: l.term('referral.agencies'), hint: l.term('referral.agenciesHint'), optional: true, rows: 2 })}`);
}

function support(v: StepView) {
  const { l, form: f, options } = v;
  return page(v, l.term('referral.supportTitle'), html`
    ${f.field({ path: 'support.serviceIds', kind: 'checkboxes', label: l.term('referral.programmes'), hint: l.term('referral.programmesHint'),
      options: options.programmes.map((p) => ({ value: p.id, label: p.name })) })}
    ${f.field({ path: 'support.urgency', kind: 'radios', label: l.term('referral.urgency'), options: choices(l, URGENCY_KEYS) })}
    ${f.values.support?.urgency && f.values.support.urgency !== 'routine'
      ? f.field({ path: 'support.urgencyReason', kind: 'textarea', label: l.term('referral.urgencyReason'), rows: 3 }) : nothing}`);
}

export const RENDER: Record<QuestionStep, (v: StepView) => TemplateResult> = { referrer, pupil, guardian, consent, indicators, support };

/** Immediate danger: whom to call, now. Nothing has left the browser. */
export function renderRisk(l: LocalizeController, numbers: { general: string; childLine: string }, onBack: () => void) {
  return html`<div class="notice notice--error risk" role="alert">
    <h2 class="heading" tabindex="-1">${l.term('referral.riskTitle')}</h2>
    <p>${l.term('referral.riskCall', { general: numbers.general })}</p>
    <p><a class="button button--warning risk__number" href=${telHref(numbers.general)}><bdi>${numbers.general}</bdi></a></p>
    <p>${l.term('referral.riskChildLine', { childLine: numbers.childLine })}</p>
    <p><a class="button risk__number" href=${telHref(numbers.childLine)}><bdi>${numbers.childLine}</bdi></a></p>
    <p>${l.term('referral.riskNothingSent')}</p>
    <button class="button button--secondary" type="button" @click=${onBack}>${l.term('referral.riskBack')}</button>
  </div>`;
}
