/** Check your answers, and the confirmation with the reference and the status code. */
import { html } from 'lit';
import type { ReferralOptions } from '../../contract/referral.ts';
import { absenceLevel } from '../../contract/referral-values.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { renderCheckAnswers, renderConfirmation } from '../../forms/blocks.ts';
import type { FormStateController } from '../../forms/form-state.ts';
import type { QuestionStep, ReferralAnswers } from './referral-flow.ts';
import { PERFORMANCE_KEYS, RESPONSIBILITY_KEYS, ROLE_KEYS, URGENCY_KEYS } from './referral-words.ts';

const joined = (parts: readonly (string | undefined | false)[]) => parts.filter(Boolean).join(' · ') || undefined;

export function renderCheck(v: {
  l: LocalizeController; form: FormStateController<ReferralAnswers>; options: ReferralOptions;
  change: (step: QuestionStep) => void; onSubmit: () => void;
}) {
  const { l, form: f } = v;
  const a = f.values;
  const r = a.referrer ?? {};
  const p = a.pupil ?? {};
  const g = a.guardian ?? {};
  const c = a.consent ?? {};
  const i = a.indicators ?? {};
  const s = a.support ?? {};
  const term = <K extends string>(keys: Record<K, Parameters<LocalizeController['term']>[0]>, k?: string) => (k && k in keys ? l.term(keys[k as K]) : undefined);
  const percent = Number(i.absencePercent ?? 0);
  const level = absenceLevel(percent);
  const programmes = v.options.programmes.filter((x) => s.serviceIds?.includes(x.id)).map((x) => x.name);
  const busy = f.status === 'sending' || f.status === 'retrying';
  const go = (step: QuestionStep) => () => v.change(step);
  return html`<h2 class="heading" tabindex="-1">${l.term('form.checkAnswersTitle')}</h2>
    ${f.summary()}
    ${renderCheckAnswers([
      { label: l.term('referral.referrer'), value: joined([r.name, term(ROLE_KEYS, r.role), r.school, r.email, r.phone]), onChange: go('referrer') },
      { label: l.term('referral.pupil'), value: joined([p.name, p.birthDate ? l.date(`${p.birthDate}T12:00:00Z`) : p.age, p.class, p.homeLanguage, p.interpreter && l.term('referral.interpreter')]), onChange: go('pupil') },
      { label: l.term('referral.learningNeeds'), value: p.learningNeeds, onChange: go('pupil') },
      { label: l.term('referral.guardian'), value: joined([g.name, g.phone, g.email, term(RESPONSIBILITY_KEYS, g.responsibility)]), onChange: go('guardian') },
      { label: l.term('referral.guardianAgrees'), value: joined([c.guardianAgrees === 'yes' ? l.term('common.yes') : l.term('common.no'), c.guardianAgrees === 'no' && c.reason]), onChange: go('consent') },
      { label: l.term('referral.absence'), value: joined([`${l.number(percent)}%`, level !== 'none' && l.term(level === 'severe' ? 'referral.absenceSevere' : 'referral.absencePersistent')]), onChange: go('indicators') },
      { label: l.term('referral.incidents'), value: i.behaviourIncidents, onChange: go('indicators') },
      { label: l.term('referral.performance'), value: term(PERFORMANCE_KEYS, i.performance), onChange: go('indicators') },
      { label: l.term('referral.tried'), value: i.tried, onChange: go('indicators') },
      { label: l.term('referral.otherFactors'), value: i.otherFactors, onChange: go('indicators') },
      { label: l.term('referral.agencies'), value: i.agencies, onChange: go('indicators') },
      { label: l.term('referral.programmes'), value: programmes.length ? l.list(programmes) : undefined, onChange: go('support') },
      { label: l.term('referral.urgency'), value: joined([term(URGENCY_KEYS, s.urgency), s.urgency !== 'routine' && s.urgencyReason]), onChange: go('support') },
    ], { change: l.term('form.changeLink'), notProvided: l.term('form.notProvided') })}
    ${f.renderStatus()}
    <div class="button-group">
      <button class="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && v.onSubmit()}>${l.term('referral.send')}</button>
    </div>`;
}

export function renderDone(l: LocalizeController, reference: string, code: string, onCheck: () => void, onNew: () => void) {
  return html`${renderConfirmation({ title: l.term('referral.doneTitle'), referenceLabel: l.term('form.referenceLabel'), reference })}
    <div class="code">
      <p>${l.term('referral.codeLabel')}</p>
      <p class="code__value" translate="no"><bdi>${code}</bdi></p>
      <p class="hint">${l.term('referral.codeHint')}</p>
    </div>
    <h3>${l.term('form.whatNext')}</h3>
    <p>${l.term('referral.doneNext')}</p>
    <div class="button-group">
      <button class="button button--secondary" type="button" @click=${onCheck}>${l.term('referral.checkLink')}</button>
      <button class="button button--secondary" type="button" @click=${onNew}>${l.term('referral.newLink')}</button>
    </div>`;
}
