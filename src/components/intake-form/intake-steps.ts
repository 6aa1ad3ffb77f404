/** The question pages of the intake form: pure renders over the form state. */
import { html, nothing, type TemplateResult } from 'lit';
import type { IntakeNeedOption, IntakeOptions } from '../../contract/intake.ts';
import { CONTACT_METHODS, DAY_PARTS, INTAKE_AGE_BANDS, WEEKDAYS } from '../../contract/intake-values.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { renderHoneypot } from '../../forms/blocks.ts';
import type { FormStateController } from '../../forms/form-state.ts';
import type { IntakeAnswers } from './intake-flow.ts';
import { renderKeaPrecheck } from './kea-precheck.ts';
import { ageText, dayName, FACT_KEYS, languageName, methodText, needName, partText } from './intake-words.ts';

export interface StepView {
  l: LocalizeController;
  form: FormStateController<IntakeAnswers>;
  options: IntakeOptions;
  /** "Step 2 of 6". */
  progress: string;
  /** The programme the person came from, when known. */
  serviceName?: string;
  onContinue: (e: Event) => void;
  onBack?: () => void;
  onSkip?: () => void;
}

/** A question page; `title` undefined when the page's one question is its heading (GOV.UK). */
function page(v: StepView, title: string | undefined, body: TemplateResult, hint?: string) {
  const l = v.l;
  return html`<form novalidate @submit=${v.onContinue}>
    ${v.form.summary()}
    <span class="caption">${v.progress}</span>
    ${title ? html`<h2 class="heading" tabindex="-1">${title}</h2>` : nothing}
    ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    ${body}
    <div class="button-group">
      <button class="button" type="submit">${l.term('common.continue')}</button>
      ${v.onSkip ? html`<button class="button button--secondary" type="button" @click=${v.onSkip}>${l.term('intake.skip')}</button>` : nothing}
      ${v.onBack ? html`<button class="button button--secondary" type="button" @click=${v.onBack}>${l.term('common.back')}</button>` : nothing}
    </div>
  </form>`;
}

const flatten = (needs: readonly IntakeNeedOption[]): IntakeNeedOption[] => needs.flatMap((n) => [n, ...flatten(n.children ?? [])]);

/** Whether the Minimum Guaranteed Income is among the chosen needs. */
export const choseKea = (options: IntakeOptions, chosen: readonly string[]) =>
  flatten(options.needs).some((n) => chosen.includes(n.id) && (n.code === 'benefits.gmi' || n.code === 'gmi'));

export function renderNeeds(v: StepView) {
  const { l, form: f, options } = v;
  const chosen = f.values.needs ?? [];
  const described = (n: IntakeNeedOption) => (l.locale === 'el' ? n.description : undefined);
  return page(v, undefined, html`
    ${v.serviceName ? html`<p class="notice">${l.term('intake.fromService', { name: v.serviceName })}</p>` : nothing}
    ${f.field({ path: 'needs', kind: 'checkboxes', heading: true, label: l.term('intake.needsTitle'), hint: l.term('intake.needsHint'),
      options: options.needs.map((n) => ({ value: n.id, label: needName(l, n), hint: described(n) })) })}
    ${options.needs.filter((n) => chosen.includes(n.id) && n.children?.length).map((n) => f.field({
      path: `subNeeds.${n.id}`, kind: 'checkboxes', optional: true, label: `${needName(l, n)}: ${l.term('intake.subNeeds')}`,
      options: n.children!.map((c) => ({ value: c.id, label: needName(l, c) })) }))}
    ${choseKea(options, [...chosen, ...Object.values((f.values.subNeeds ?? {}) as Record<string, string[]>).flat()]) ? renderKeaPrecheck(l) : nothing}
    ${f.field({ path: 'description', kind: 'textarea', label: l.term('intake.describe'), hint: l.term('intake.describeHint'), optional: true, rows: 4 })}
    ${renderHoneypot(l.term('form.honeypot'), f.website, (value) => { f.website = value; })}`);
}

export function renderAbout(v: StepView) {
  const { l, form: f, options } = v;
  const anonymous = f.values.about?.anonymous === true;
  return page(v, l.term('intake.aboutTitle'), html`
    ${anonymous ? nothing : f.field({ path: 'about.name', kind: 'text', label: l.term('intake.name'), autocomplete: 'name', personal: true, spellcheck: false })}
    ${f.field({ path: 'about.anonymous', kind: 'checkbox', label: l.term('intake.anonymous') })}
    ${anonymous ? html`<p class="hint">${l.term('intake.anonymousHint')}</p>` : nothing}
    ${f.field({ path: 'about.ageBand', kind: 'radios', label: l.term('intake.ageBand'),
      options: INTAKE_AGE_BANDS.map((b) => ({ value: b, label: ageText(l, b) })) })}
    ${f.field({ path: 'about.area', kind: 'select', label: l.term('intake.area'), hint: l.term('intake.areaHint'), optional: true, personal: true,
      options: [...options.areas.map((a) => ({ value: a, label: a })), { value: 'other', label: l.term('intake.areaOther') }] })}`);
}

export function renderContact(v: StepView) {
  const { l, form: f } = v;
  const methods = f.values.contact?.methods ?? [];
  return page(v, l.term('intake.contactTitle'), html`
    ${f.field({ path: 'contact.methods', kind: 'checkboxes', label: l.term('intake.methods'), hint: l.term('intake.methodsHint'),
      options: CONTACT_METHODS.map((m) => ({ value: m, label: methodText(l, m) })) })}
    ${methods.includes('phone') || methods.includes('sms')
      ? f.field({ path: 'contact.phone', kind: 'tel', label: l.term('intake.phone'), autocomplete: 'tel', personal: true, width: 'medium' }) : nothing}
    ${methods.includes('email')
      ? f.field({ path: 'contact.email', kind: 'email', label: l.term('intake.email'), autocomplete: 'email', personal: true, inputmode: 'email' }) : nothing}
    ${f.field({ path: 'contact.days', kind: 'checkboxes', label: l.term('intake.days'), optional: true,
      options: WEEKDAYS.map((d) => ({ value: d, label: dayName(l, d) })) })}
    ${f.field({ path: 'contact.times', kind: 'checkboxes', label: l.term('intake.times'), optional: true,
      options: DAY_PARTS.map((p) => ({ value: p, label: partText(l, p) })) })}
    ${f.field({ path: 'contact.consent', kind: 'checkbox', label: l.term('intake.consent'), hint: l.term('intake.consentHint') })}`);
}

export function renderLanguage(v: StepView) {
  const { l, form: f, options } = v;
  const codes = [...new Set(['el', ...options.languages])];
  return page(v, undefined, html`
    ${f.field({ path: 'language.preferred', kind: 'radios', heading: true, label: l.term('intake.languageTitle'), hint: l.term('intake.languageHint'),
      options: [...codes.map((c) => ({ value: c, label: languageName(l, c) })), { value: 'other', label: l.term('intake.otherLanguage') }] })}
    ${f.values.language?.preferred === 'other'
      ? f.field({ path: 'language.otherLanguage', kind: 'text', label: l.term('intake.otherLanguageName'), width: 'medium' }) : nothing}
    ${f.field({ path: 'language.interpreter', kind: 'checkbox', label: l.term('intake.interpreter') })}`);
}

export function renderAccess(v: StepView) {
  const { l, form: f } = v;
  return page(v, l.term('intake.accessTitle'), html`
    ${f.field({ path: 'accessibility', kind: 'textarea', label: l.term('intake.accessLabel'), hint: l.term('intake.accessHint'), optional: true, rows: 4 })}`);
}

export function renderFacts(v: StepView) {
  const { l, form: f } = v;
  const answers = [
    { value: 'yes', label: l.term('common.yes') }, { value: 'no', label: l.term('common.no') },
    { value: 'prefer-not', label: l.term('intake.preferNot') },
  ];
  return page(v, l.term('intake.factsTitle'), html`
    ${(Object.keys(FACT_KEYS) as (keyof typeof FACT_KEYS)[]).map((fact) => f.field({
      path: `facts.${fact}`, kind: 'radios', label: l.term(FACT_KEYS[fact]), optional: true, options: answers }))}
    ${f.field({ path: 'facts.consent', kind: 'checkbox', label: l.term('intake.factsConsent') })}`, l.term('intake.factsPurpose'));
}
