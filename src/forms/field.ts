/**
 * Renders one question the GOV.UK way: `label[for]`, a hint (`#id-hint`), an error (`#id-error`, with a visually
 * hidden "Error:" prefix), `aria-describedby` naming both, `aria-invalid` when in error, `<fieldset><legend>` for
 * groups, "(optional)" in the label of optional questions and no `required` attribute (the form is `novalidate`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { fieldId } from './paths.ts';

export type FieldKind = 'text' | 'email' | 'tel' | 'number' | 'date' | 'textarea' | 'select' | 'radios' | 'checkboxes' | 'checkbox';

export interface FieldOption {
  value: string;
  label: string;
  hint?: string;
}

export interface FieldDef {
  /** Dotted path of the answer, the same path the server reports in `errors[].path`. */
  path: string;
  kind: FieldKind;
  /** Localised label (legend for groups). */
  label: string;
  hint?: string;
  optional?: boolean;
  options?: readonly FieldOption[];
  /** The HTML autocomplete token, e.g. `email`, `tel`, `given-name`. */
  autocomplete?: string;
  /** Personal data: autocomplete is switched off in kiosk mode. */
  personal?: boolean;
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'decimal';
  width?: 'short' | 'medium' | 'full';
  rows?: number;
  /** Label shown as the page heading (one question per page). */
  heading?: boolean;
  spellcheck?: boolean;
}

export interface FieldState {
  value: unknown;
  /** Localised error message, when the answer is in error. */
  error?: string;
  kiosk: boolean;
  optionalText: string;
  errorPrefix: string;
  chooseText: string;
  onInput: (value: unknown) => void;
}

const describedBy = (id: string, def: FieldDef, state: FieldState) =>
  [def.hint ? `${id}-hint` : '', state.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

const autocompleteOf = (def: FieldDef, state: FieldState) =>
  state.kiosk && def.personal ? 'off' : def.autocomplete;

function labelText(def: FieldDef, state: FieldState) {
  return html`${def.label}${def.optional ? html` <span class="optional">${state.optionalText}</span>` : nothing}`;
}

function hintAndError(id: string, def: FieldDef, state: FieldState) {
  return html`${def.hint ? html`<div class="hint" id="${id}-hint">${def.hint}</div>` : nothing}${state.error
    ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${state.errorPrefix} </span>${state.error}</p>`
    : nothing}`;
}

function renderInput(id: string, def: FieldDef, state: FieldState) {
  const common = {
    id, describedby: describedBy(id, def, state), invalid: state.error ? 'true' : undefined,
    autocomplete: autocompleteOf(def, state),
  };
  const value = state.value === undefined || state.value === null ? '' : String(state.value);
  const onInput = (e: Event) => state.onInput((e.target as HTMLInputElement).value);
  if (def.kind === 'textarea') {
    return html`<textarea class="textarea" id=${common.id} name=${def.path} rows=${def.rows ?? 5}
      aria-describedby=${ifDefined(common.describedby)} aria-invalid=${ifDefined(common.invalid)}
      autocomplete=${ifDefined(common.autocomplete)} spellcheck=${def.spellcheck === false ? 'false' : 'true'}
      .value=${live(value)} @input=${onInput}></textarea>`;
  }
  if (def.kind === 'select') {
    return html`<select class="select" id=${common.id} name=${def.path}
      aria-describedby=${ifDefined(common.describedby)} aria-invalid=${ifDefined(common.invalid)}
      autocomplete=${ifDefined(common.autocomplete)} @change=${onInput}>
      <option value="" ?selected=${value === ''}>${state.chooseText}</option>
      ${(def.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>`;
  }
  const type = def.kind === 'number' ? 'text' : def.kind;
  const inputmode = def.inputmode ?? (def.kind === 'number' ? 'numeric' : undefined);
  return html`<input class="input input--${def.width ?? 'full'}" id=${common.id} name=${def.path} type=${type}
    inputmode=${ifDefined(inputmode)} aria-describedby=${ifDefined(common.describedby)} aria-invalid=${ifDefined(common.invalid)}
    autocomplete=${ifDefined(common.autocomplete)} spellcheck=${def.spellcheck === true ? 'true' : 'false'}
    .value=${live(value)} @input=${onInput} />`;
}

function renderChoices(id: string, def: FieldDef, state: FieldState) {
  const multiple = def.kind === 'checkboxes';
  const selected = multiple ? (Array.isArray(state.value) ? (state.value as string[]) : []) : [state.value];
  const toggle = (value: string, checked: boolean) => {
    if (!multiple) return state.onInput(value);
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    state.onInput((def.options ?? []).map((o) => o.value).filter((v) => next.includes(v)));
  };
  return html`<div class="choices ${multiple ? 'choices--checkboxes' : 'choices--radios'}">
    ${(def.options ?? []).map((o, i) => {
      const optionId = i === 0 ? id : `${id}-${i}`;
      return html`<div class="choice">
        <input class="choice__input" id=${optionId} name=${def.path} type=${multiple ? 'checkbox' : 'radio'} value=${o.value}
          .checked=${live(selected.includes(o.value))} aria-describedby=${ifDefined(o.hint ? `${optionId}-hint` : undefined)}
          @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
        <label class="choice__label" for=${optionId}>${o.label}</label>
        ${o.hint ? html`<div class="hint choice__hint" id="${optionId}-hint">${o.hint}</div>` : nothing}
      </div>`;
    })}
  </div>`;
}

/** One question, ready to drop into a `<form novalidate>`. */
export function renderField(def: FieldDef, state: FieldState): TemplateResult {
  const id = fieldId(def.path);
  const groupClass = `form-group${state.error ? ' form-group--error' : ''}`;
  if (def.kind === 'radios' || def.kind === 'checkboxes') {
    return html`<div class=${groupClass}>
      <fieldset class="fieldset" aria-describedby=${ifDefined(describedBy(id, def, state))}>
        <legend class="legend ${def.heading ? 'legend--heading' : ''}">${def.heading ? html`<h2 class="heading" tabindex="-1">${labelText(def, state)}</h2>` : labelText(def, state)}</legend>
        ${hintAndError(id, def, state)}${renderChoices(id, def, state)}
      </fieldset>
    </div>`;
  }
  if (def.kind === 'checkbox') {
    const checked = state.value === true;
    return html`<div class=${groupClass}>
      ${hintAndError(id, def, state)}
      <div class="choice">
        <input class="choice__input" id=${id} name=${def.path} type="checkbox" .checked=${live(checked)}
          aria-describedby=${ifDefined(describedBy(id, def, state))} aria-invalid=${ifDefined(state.error ? 'true' : undefined)}
          @change=${(e: Event) => state.onInput((e.target as HTMLInputElement).checked ? true : undefined)} />
        <label class="choice__label" for=${id}>${labelText(def, state)}</label>
      </div>
    </div>`;
  }
  const label = html`<label class="label" for=${id}>${labelText(def, state)}</label>`;
  return html`<div class=${groupClass}>
    ${def.heading ? html`<h2 class="heading label-wrapper" tabindex="-1">${label}</h2>` : label}
    ${hintAndError(id, def, state)}${renderInput(id, def, state)}
  </div>`;
}
