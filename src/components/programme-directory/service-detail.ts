/** The detail view of one programme: everything a person needs to decide and to go. */
import { html, nothing, type TemplateResult } from 'lit';
import type { HsdsLocation, HsdsService } from '../../contract/hsds.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { describeHours, describeOpenState } from './hours-words.ts';
import { civilNow, openState, parseSchedule } from './opening-hours.ts';
import { richText } from './rich-text.ts';

export interface DetailContext {
  l: LocalizeController;
  now: Date;
  inList: boolean;
  /** Whether "refer a pupil" applies (a service for school-age children). */
  referral: boolean;
  onBack: () => void;
  onAsk: () => void;
  onRefer: () => void;
  onToggleList: () => void;
  onPrint: () => void;
}

const section = (id: string, title: string, body: unknown) =>
  body === nothing || body === undefined || body === '' ? nothing : html`<section class="detail__section" aria-labelledby="${id}">
    <h4 id="${id}">${title}</h4>${body}</section>`;

function ages(s: HsdsService, l: LocalizeController) {
  const min = s.minimum_age ?? undefined;
  const max = s.maximum_age ?? undefined;
  if (min !== undefined && max !== undefined) return l.term('directory.ages', { min, max });
  if (min !== undefined) return l.term('directory.agesFrom', { min });
  if (max !== undefined) return l.term('directory.agesTo', { max });
  return undefined;
}

function fees(s: HsdsService, l: LocalizeController) {
  const free = s.cost_options.length > 0 && s.cost_options.every((c) => !c.amount);
  const options = s.cost_options.filter((c) => c.amount).map((c) => html`<li>${c.option ? `${c.option}: ` : ''}${
    new Intl.NumberFormat(l.locale, { style: 'currency', currency: c.currency ?? 'EUR' }).format(c.amount!)}${c.amount_description ? ` (${c.amount_description})` : ''}</li>`);
  if (!free && options.length === 0 && !s.fees_description) return nothing;
  return html`${free ? html`<p><strong>${l.term('directory.free')}</strong></p>` : nothing}
    ${options.length ? html`<ul>${options}</ul>` : nothing}${richText(s.fees_description)}`;
}

const languageName = (l: LocalizeController, code: string | null | undefined, name: string | null | undefined) => {
  try {
    if (code && typeof Intl.DisplayNames === 'function') return new Intl.DisplayNames([l.locale], { type: 'language', fallback: 'none' }).of(code) ?? name ?? code;
  } catch { /* a free-text code such as "rom" without CLDR data */ }
  return name ?? code ?? '';
};

function phones(list: HsdsService['phones']) {
  if (list.length === 0) return nothing;
  return html`<ul class="plain-list">${list.map((p) => html`<li><a href="tel:${p.number.replace(/[^\d+]/g, '')}">${p.number}</a>${
    p.extension ? ` (${p.extension})` : ''}${p.description ? html` <span class="muted">${p.description}</span>` : nothing}</li>`)}</ul>`;
}

function address(loc: HsdsLocation) {
  return loc.addresses.map((a) => html`<p class="address">${[a.address_1, a.address_2].filter(Boolean).join(', ')}<br />${
    [a.postal_code, a.city].filter(Boolean).join(' ')}</p>`);
}

function location(s: HsdsService, index: number, ctx: DetailContext): TemplateResult {
  const { l } = ctx;
  const sal = s.service_at_locations[index]!;
  const loc = sal.location;
  const schedules = sal.schedules.length ? sal.schedules : loc?.schedules.length ? loc.schedules : s.schedules;
  const hours = schedules.map(parseSchedule);
  const state = openState(hours, ctx.now, l.timeZone);
  const c = civilNow(ctx.now, l.timeZone);
  const today = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  const id = `loc-${index}`;
  return html`<article class="location" aria-labelledby="${id}">
    <h5 id="${id}">${loc?.name ?? sal.description ?? l.term('directory.locations')}</h5>
    ${loc ? address(loc) : nothing}
    ${hours.length ? html`<p class="hours-title"><strong>${l.term('directory.hours')}</strong></p>
      <ul class="plain-list">${hours.map((h) => html`<li>${describeHours(h, l)}</li>`)}</ul>
      ${state ? html`<p class="open-state ${state.open ? 'open-state--open' : ''}">${describeOpenState(state, l, today)}</p>` : nothing}` : nothing}
    ${loc?.accessibility.length ? html`<p><strong>${l.term('directory.accessibility')}:</strong> ${loc.accessibility.map((a) => a.description ?? a.details).filter(Boolean).join('; ')}</p>` : nothing}
    ${loc?.transportation ? html`<p><strong>${l.term('directory.transport')}:</strong> ${loc.transportation}</p>` : nothing}
    ${phones(sal.phones.length ? sal.phones : loc?.phones ?? [])}
  </article>`;
}

export function renderDetail(s: HsdsService, ctx: DetailContext): TemplateResult {
  const { l } = ctx;
  const languages = s.languages.map((x) => languageName(l, x.code, x.name)).filter(Boolean);
  const contact = [
    phones(s.phones.length ? s.phones : s.organization?.phones ?? []),
    s.email ? html`<p>${l.term('directory.email')}: <a href="mailto:${s.email}">${s.email}</a></p>` : nothing,
    s.url && /^https?:/i.test(s.url) ? html`<p><a href=${s.url} rel="noopener noreferrer">${l.term('directory.website')}</a></p>` : nothing,
  ].filter((part) => part !== nothing);
  return html`<article class="detail" aria-labelledby="detail-title">
    <button type="button" class="button button--link back" @click=${ctx.onBack}>${l.dir === 'rtl' ? '→' : '←'} ${l.term('directory.backToResults')}</button>
    <h3 id="detail-title" class="detail__title" tabindex="-1">${s.name}</h3>
    ${s.organization?.name ? html`<p class="muted">${l.term('directory.organisation')}: ${s.organization.name}</p>` : nothing}
    ${s.alert ? html`<div class="notice notice--warning"><strong>${l.term('directory.alert')}:</strong> ${s.alert}</div>` : nothing}
    <div class="button-group actions">
      <button type="button" class="button" @click=${ctx.onAsk}>${l.term('directory.askForHelp')}</button>
      ${ctx.referral ? html`<button type="button" class="button button--secondary" @click=${ctx.onRefer}>${l.term('directory.referPupil')}</button>` : nothing}
      <button type="button" class="button button--secondary" aria-pressed=${ctx.inList ? 'true' : 'false'} @click=${ctx.onToggleList}>${ctx.inList ? l.term('directory.removeFromList') : l.term('directory.addToList')}</button>
      <button type="button" class="button button--secondary" @click=${ctx.onPrint}>${l.term('directory.print')}</button>
    </div>
    ${section('d-about', l.term('directory.about'), richText(s.description))}
    ${section('d-eligibility', l.term('directory.eligibility'), s.eligibility_description || ages(s, l) ? html`${richText(s.eligibility_description)}${ages(s, l) ? html`<p>${ages(s, l)}</p>` : nothing}` : nothing)}
    ${section('d-apply', l.term('directory.howToApply'), richText(s.application_process))}
    ${section('d-documents', l.term('directory.documents'), s.required_documents.length ? html`<ul>${s.required_documents.map((d) => html`<li>${d.uri && /^https?:/i.test(d.uri) ? html`<a href=${d.uri} rel="noopener noreferrer">${d.document ?? d.uri}</a>` : d.document}</li>`)}</ul>` : nothing)}
    ${section('d-fees', l.term('directory.fees'), fees(s, l))}
    ${section('d-languages', l.term('directory.languages'), languages.length || s.interpretation_services ? html`${languages.length ? html`<p>${l.list(languages)}</p>` : nothing}${s.interpretation_services ? html`<p><strong>${l.term('directory.interpretation')}:</strong> ${s.interpretation_services}</p>` : nothing}` : nothing)}
    ${section('d-locations', l.term('directory.locations'), s.service_at_locations.length ? html`${s.service_at_locations.map((_, i) => location(s, i, ctx))}` : nothing)}
    ${section('d-contact', l.term('directory.contact'), contact.length ? html`${contact}` : nothing)}
  </article>`;
}
