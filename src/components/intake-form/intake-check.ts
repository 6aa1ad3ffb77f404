/** Check your answers (each change link returns here) and the confirmation with what happens next. */
import { html, nothing } from 'lit';
import type { IntakeAgeBand, IntakeNeedOption, IntakeOptions } from '../../contract/intake.ts';
import { OPTIONAL_FACTS, type ContactMethod } from '../../contract/intake-values.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { renderCheckAnswers, renderConfirmation } from '../../forms/blocks.ts';
import type { FormStateController } from '../../forms/form-state.ts';
import { chosenNeeds, type IntakeAnswers, type Step } from './intake-flow.ts';
import { ageText, dayName, FACT_KEYS, languageName, methodText, needName, partText } from './intake-words.ts';

const flatten = (needs: readonly IntakeNeedOption[]): IntakeNeedOption[] => needs.flatMap((n) => [n, ...flatten(n.children ?? [])]);

export function renderCheck(v: {
  l: LocalizeController; form: FormStateController<IntakeAnswers>; options: IntakeOptions; serviceName?: string;
  change: (step: Step) => void; onSubmit: () => void;
}) {
  const { l, form: f } = v;
  const a = f.values;
  const all = flatten(v.options.needs);
  const needs = chosenNeeds(a).map((id) => all.find((n) => n.id === id)).filter((n): n is IntakeNeedOption => !!n).map((n) => needName(l, n));
  const methods = (a.contact?.methods ?? []) as ContactMethod[];
  const lang = a.language?.preferred === 'other' ? a.language.otherLanguage : a.language?.preferred && languageName(l, a.language.preferred);
  const facts = a.facts?.consent === true
    ? OPTIONAL_FACTS.filter((k) => a.facts?.[k]).map((k) => `${l.term(FACT_KEYS[k])} ${
      a.facts![k] === 'yes' ? l.term('common.yes') : a.facts![k] === 'no' ? l.term('common.no') : l.term('intake.preferNot')}`)
    : [];
  const busy = f.status === 'sending' || f.status === 'retrying';
  const go = (step: Step) => () => v.change(step);
  return html`<h2 class="heading" tabindex="-1">${l.term('form.checkAnswersTitle')}</h2>
    ${f.summary()}
    ${renderCheckAnswers([
      ...(v.serviceName ? [{ label: l.term('intake.service'), value: v.serviceName }] : []),
      { label: l.term('intake.needs'), value: needs.length ? l.list(needs) : undefined, onChange: go('needs') },
      { label: l.term('intake.description'), value: a.description, onChange: go('needs') },
      { label: l.term('intake.name'), value: a.about?.anonymous ? l.term('intake.anonymousValue') : a.about?.name, onChange: go('about') },
      { label: l.term('intake.ageBand'), value: a.about?.ageBand && ageText(l, a.about.ageBand as IntakeAgeBand), onChange: go('about') },
      { label: l.term('intake.area'), value: a.about?.area === 'other' ? l.term('intake.areaOther') : a.about?.area, onChange: go('about') },
      { label: l.term('intake.methods'), value: l.list(methods.map((m) => methodText(l, m))), onChange: go('contact') },
      ...(methods.includes('phone') || methods.includes('sms') ? [{ label: l.term('intake.phone'), value: a.contact?.phone, onChange: go('contact') }] : []),
      ...(methods.includes('email') ? [{ label: l.term('intake.email'), value: a.contact?.email, onChange: go('contact') }] : []),
      { label: l.term('intake.days'), value: a.contact?.days?.length ? l.list(a.contact.days.map((d) => dayName(l, d as 'mon'))) : undefined, onChange: go('contact') },
      { label: l.term('intake.times'), value: a.contact?.times?.length ? l.list(a.contact.times.map((t) => partText(l, t as 'morning'))) : undefined, onChange: go('contact') },
      { label: l.term('intake.language'), value: [lang, a.language?.interpreter ? l.term('intake.interpreter') : ''].filter(Boolean).join(' · '), onChange: go('language') },
      { label: l.term('intake.accessibility'), value: a.accessibility, onChange: go('access') },
      { label: l.term('intake.facts'), value: facts.length ? html`<ul class="plain">${facts.map((t) => html`<li>${t}</li>`)}</ul>` : undefined, onChange: go('facts') },
    ], { change: l.term('form.changeLink'), notProvided: l.term('form.notProvided') })}
    ${f.renderStatus()}
    <div class="button-group">
      <button class="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && v.onSubmit()}>${l.term('intake.send')}</button>
    </div>`;
}

export function renderDone(v: { l: LocalizeController; reference: string; options: IntakeOptions; methods: readonly ContactMethod[]; onNew: () => void }) {
  const { l, options } = v;
  const centre = options.centre;
  const reach = v.methods.filter((m) => m !== 'visit');
  return html`${renderConfirmation({ title: l.term('intake.doneTitle'), referenceLabel: l.term('form.referenceLabel'), reference: v.reference })}
    <h3>${l.term('form.whatNext')}</h3>
    <p>${reach.length
      ? l.term('intake.next', { days: centre.replyWithinDays, method: l.list(reach.map((m) => methodText(l, m)), 'disjunction') })
      : l.term('intake.nextAnonymousVisit')}</p>
    <p>${l.term('intake.keepReference')}</p>
    <h3>${l.term('intake.visitUs')}</h3>
    <dl class="facts">
      <div><dt>${centre.name}</dt><dd>${centre.address ?? nothing}</dd></div>
      ${centre.hours ? html`<div><dt>${l.term('intake.hours')}</dt><dd>${centre.hours}</dd></div>` : nothing}
      ${centre.phone ? html`<div><dt>${l.term('intake.centrePhone')}</dt><dd><a href="tel:${centre.phone.replace(/[^\d+]/g, '')}"><bdi>${centre.phone}</bdi></a></dd></div>` : nothing}
    </dl>
    <div class="button-group">
      <button class="button button--secondary" type="button" @click=${v.onNew}>${l.term('intake.newRequest')}</button>
    </div>`;
}
