/**
 * The fixed blocks of a GOV.UK-style form: the error summary, "check your answers", the confirmation panel and
 * the honeypot that catches bots. Pure render functions; the widget owns state and focus.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fieldId } from './paths.ts';

export interface SummaryError {
  /** Dotted answer path; the link focuses that field's control. */
  path: string;
  message: string;
}

/** Focuses a field's control (the first option of a group) and brings it into view. */
export function focusField(root: ParentNode, path: string) {
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`);
  control?.focus();
  control?.scrollIntoView?.({ block: 'center' });
}

/**
 * After moving to another page of a form: focus the error summary when there is one, else the confirmation's or
 * the page's heading, so screen-reader and keyboard users start at the top of what changed.
 */
export function focusPageStart(root: ParentNode) {
  (root.querySelector<HTMLElement>('.error-summary') ?? root.querySelector<HTMLElement>('.panel__title, h2[tabindex="-1"]'))?.focus();
}

/**
 * "There is a problem" with a link per error. Give it focus after it renders (`.error-summary`), so screen
 * readers read it first; a link click focuses the control, since `#id` links cannot cross into a shadow root.
 */
export function renderErrorSummary(title: string, errors: readonly SummaryError[], root: () => ParentNode): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const onClick = (e: Event, path: string) => { e.preventDefault(); focusField(root(), path); };
  return html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 class="error-summary__title" id="error-summary-title">${title}</h2>
      <ul class="error-summary__list">
        ${errors.map((e) => html`<li><a href="#${fieldId(e.path)}" @click=${(ev: Event) => onClick(ev, e.path)}>${e.message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

export interface AnswerRow {
  label: string;
  /** What the person answered; `undefined` shows "Not provided". */
  value?: string | TemplateResult;
  /** Returns to the question; check-answers is shown again after it. */
  onChange?: () => void;
}

/** The "check your answers" list, with a change link (a button) per row. */
export function renderCheckAnswers(rows: readonly AnswerRow[], strings: { change: string; notProvided: string }) {
  return html`<dl class="summary-list">
    ${rows.map((row) => html`<div class="summary-list__row">
      <dt class="summary-list__key">${row.label}</dt>
      <dd class="summary-list__value">${row.value === undefined || row.value === '' ? html`<span class="muted">${strings.notProvided}</span>` : row.value}</dd>
      <dd class="summary-list__actions">${row.onChange
        ? html`<button type="button" class="button button--link" @click=${row.onChange}>${strings.change}<span class="visually-hidden"> ${row.label}</span></button>`
        : nothing}</dd>
    </div>`)}
  </dl>`;
}

/** The confirmation panel: a heading that takes focus, and the reference number set apart. */
export function renderConfirmation(options: { title: string; referenceLabel: string; reference: string; body?: TemplateResult }) {
  return html`<div class="panel">
    <h2 class="panel__title" tabindex="-1">${options.title}</h2>
    <div class="panel__body">${options.referenceLabel}<br /><strong class="panel__reference">${options.reference}</strong></div>
  </div>
  ${options.body ?? nothing}`;
}

/** A field people never see or reach; bots fill it. The server refuses any submission where it is not empty. */
export function renderHoneypot(label: string, value: string, onInput: (value: string) => void) {
  return html`<div class="honeypot" aria-hidden="true">
    <label for="f-website">${label}</label>
    <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
  </div>`;
}
