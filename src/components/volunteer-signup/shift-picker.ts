/**
 * The chosen opportunity and its shifts. Each shift says its places left, or that it is full with how many wait;
 * choosing a full shift means joining its waiting list. A shift that filled while the person was typing is marked
 * next to it, with its waiting list offered in place (everything typed is kept).
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { VolunteerOpportunity } from '../../contract/volunteering.ts';
import type { LocalizeController } from '../../core/localize.ts';
import { fieldId } from '../../forms/paths.ts';
import { placesText, placeText, shiftWhen } from './words.ts';

export interface ShiftPickerView {
  l: LocalizeController;
  opportunity: VolunteerOpportunity;
  chosen: readonly string[];
  /** Shifts that filled after the person chose them. */
  filledNow: ReadonlySet<string>;
  /** Localised error for the group (none chosen), if any. */
  error?: string;
  errorPrefix: string;
  onToggle: (shiftId: string, checked: boolean) => void;
  onJoinWaitlist: (shiftId: string) => void;
}

export function renderOpportunityDetail(l: LocalizeController, o: VolunteerOpportunity) {
  return html`<div class="detail">
    <p>${o.description}</p>
    <dl class="facts">
      ${o.place ? html`<div><dt>${l.term('volunteer.where')}</dt><dd>${placeText(o.place)}</dd></div>` : nothing}
      ${o.requirements ? html`<div><dt>${l.term('volunteer.requirements')}</dt><dd>${o.requirements}</dd></div>` : nothing}
      ${o.skills.length ? html`<div><dt>${l.term('volunteer.skills')}</dt><dd>${l.list(o.skills)}</dd></div>` : nothing}
      <div><dt>${l.term('volunteer.age')}</dt><dd>${l.term('volunteer.minAge', { min: o.minAge })}</dd></div>
    </dl>
  </div>`;
}

export function renderShiftPicker(v: ShiftPickerView) {
  const { l, opportunity } = v;
  const groupId = fieldId('shiftIds');
  const hintId = `${groupId}-hint`;
  return html`<div class="form-group ${v.error ? 'form-group--error' : ''}">
    <fieldset class="fieldset" aria-describedby="${hintId}${v.error ? ` ${groupId}-error` : ''}">
      <legend class="legend legend--heading"><h2 class="heading" tabindex="-1">${l.term('volunteer.shiftsLegend')}</h2></legend>
      <div class="hint" id=${hintId}>${l.term('volunteer.shiftsHint')}</div>
      ${v.error ? html`<p class="error-message" id="${groupId}-error"><span class="visually-hidden">${v.errorPrefix} </span>${v.error}</p>` : nothing}
      <div class="choices choices--checkboxes">
        ${opportunity.shifts.map((shift, i) => {
          const id = i === 0 ? groupId : `${groupId}-${i}`;
          const checked = v.chosen.includes(shift.id);
          const filled = v.filledNow.has(shift.id);
          return html`<div class="choice shift ${shift.placesLeft === 0 ? 'shift--full' : ''}">
            <input class="choice__input" id=${id} type="checkbox" name="shiftIds" value=${shift.id} .checked=${live(checked)}
              aria-describedby="${id}-hint${filled ? ` ${id}-filled` : ''}"
              @change=${(e: Event) => v.onToggle(shift.id, (e.target as HTMLInputElement).checked)} />
            <label class="choice__label" for=${id}>${shiftWhen(l, shift)}</label>
            <div class="hint choice__hint" id="${id}-hint">${placesText(l, shift)}</div>
            ${filled ? html`<div class="choice__hint shift__filled" id="${id}-filled">
              <p class="error-message">${l.term('volunteer.filledNow')}</p>
              <button type="button" class="button button--secondary" @click=${() => v.onJoinWaitlist(shift.id)}>${l.term('volunteer.joinWaitlist')}</button>
              <p>${l.term('volunteer.chooseAnother')}</p>
            </div>` : nothing}
          </div>`;
        })}
      </div>
    </fieldset>
  </div>`;
}
