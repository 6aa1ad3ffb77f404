/** The content of the event dialog: time in words, place, accessibility, status, taking part, add to calendar. */
import { html, nothing } from 'lit';
import type { EventOccurrence } from '../../contract/events.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { calendarLinks, categoryName, registrationText, statusName, whenText } from './event-words.ts';

function languageName(l: LocalizeController, code: string) {
  try {
    return new Intl.DisplayNames([l.locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function renderEventDetail(e: EventOccurrence, l: LocalizeController, icsUrl: string | undefined, onClose: () => void) {
  const links = calendarLinks(e);
  const flagged = e.status !== 'scheduled';
  return html`<div class="dialog__body">
    <p class="dialog__category">${categoryName(l, e.category)}</p>
    <h3 id="event-title" class="dialog__title">${flagged ? html`<span class="status status--${e.status}">${statusName(l, e.status)}:</span> ` : nothing}${e.title}</h3>
    ${e.statusNote ? html`<p class="notice ${e.status === 'cancelled' ? 'notice--error' : 'notice--warning'}">${e.statusNote}</p>` : nothing}
    <dl class="facts">
      <dt>${l.term('events.when')}</dt><dd>${whenText(l, e)}${e.recurring ? html` <span class="muted">(${l.term('events.repeats')})</span>` : nothing}
        ${e.originalStart ? html`<br /><span class="muted">${l.term('events.originally', { date: l.date(e.originalStart, { dateStyle: 'full', timeStyle: 'short' }) })}</span>` : nothing}</dd>
      ${e.place ? html`<dt>${l.term('events.where')}</dt><dd>${[e.place.name, e.place.address, e.place.city].filter(Boolean).join(', ')}</dd>` : nothing}
      ${e.accessibility ? html`<dt>${l.term('events.accessibility')}</dt><dd>${e.accessibility}</dd>` : nothing}
      ${e.languages?.length ? html`<dt>${l.term('events.languages')}</dt><dd>${l.list(e.languages.map((code) => languageName(l, code)))}</dd>` : nothing}
      <dt>${l.term('events.registration')}</dt><dd>${registrationText(l, e)}${e.registration.kind === 'link' && e.registration.url && /^https?:/i.test(e.registration.url)
        ? html` <a href=${e.registration.url} rel="noopener noreferrer">${l.term('events.regLink')}</a>` : nothing}</dd>
    </dl>
    <p class="description">${e.description}</p>
    ${e.status === 'cancelled' ? nothing : html`<h4 class="add-title">${l.term('events.addToCalendar')}</h4>
      <ul class="add-links">
        ${icsUrl ? html`<li><a href=${icsUrl} download>${l.term('events.downloadIcs')}</a></li>` : nothing}
        <li><a href=${links.google} rel="noopener noreferrer" target="_blank">${l.term('events.google')}</a></li>
        <li><a href=${links.outlook} rel="noopener noreferrer" target="_blank">${l.term('events.outlook')}</a></li>
      </ul>`}
    <div class="button-group"><button type="button" class="button button--secondary" @click=${onClose}>${l.term('events.close')}</button></div>
  </div>`;
}
