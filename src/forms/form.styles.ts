/** Form styles after GOV.UK Frontend (which the Greek government's design system follows), in logical properties. */
import { css } from 'lit';

export const formStyles = css`
  form { max-inline-size: 40rem; }
  .form-group { margin-block-end: var(--_space-4); }
  .form-group--error { padding-inline-start: var(--_space-3); border-inline-start: 5px solid var(--_error); }
  .label, .legend { display: block; font-weight: 600; margin-block-end: var(--_space-1); }
  .legend { padding: 0; }
  .legend--heading, .label-wrapper { margin-block-end: var(--_space-2); }
  .heading { font-size: 1.5rem; margin: 0; }
  .heading .label { font-weight: 700; }
  .optional { font-weight: 400; color: var(--_muted); }
  .fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
  .hint { color: var(--_muted); margin-block-end: var(--_space-2); }
  .error-message { color: var(--_error); font-weight: 700; margin-block: 0 var(--_space-2); }

  .input, .textarea, .select {
    display: block; inline-size: 100%; min-block-size: var(--_control-height); padding: var(--_space-2);
    font: inherit; color: var(--_text); background: var(--_bg); border: 2px solid var(--_border); border-radius: 0;
  }
  .input--short { max-inline-size: 10ch; }
  .input--medium { max-inline-size: 20ch; }
  .textarea { resize: vertical; }
  .input:focus-visible, .textarea:focus-visible, .select:focus-visible { outline: 3px solid var(--_focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--_focus-text); }
  [aria-invalid='true'] { border-color: var(--_error); }

  .choices { display: grid; gap: var(--_space-2); }
  .choice { position: relative; display: grid; grid-template-columns: 2.5rem 1fr; align-items: start; column-gap: var(--_space-2); }
  .choice__input { inline-size: 1.75rem; block-size: 1.75rem; margin: 0.3rem 0 0; accent-color: var(--_accent); cursor: pointer; }
  .choice__label { padding-block: 0.4rem; cursor: pointer; }
  .choice__hint { grid-column: 2; margin: 0; }

  .error-summary { padding: var(--_space-3); margin-block-end: var(--_space-4); border: 5px solid var(--_error); }
  .error-summary:focus { outline: 3px solid var(--_focus); outline-offset: 0; }
  .error-summary__title { font-size: 1.25rem; margin-block-end: var(--_space-2); }
  .error-summary__list { margin: 0; padding: 0; list-style: none; }
  .error-summary__list a { color: var(--_error); font-weight: 700; }

  .summary-list { margin: 0 0 var(--_space-4); }
  .summary-list__row { display: grid; grid-template-columns: 1fr; padding-block: var(--_space-2); border-block-end: 1px solid var(--_border-soft); }
  .summary-list__key { font-weight: 700; }
  .summary-list__value, .summary-list__actions { margin: 0; }
  @container (min-width: 40rem) {
    .summary-list__row { grid-template-columns: 30% 1fr auto; column-gap: var(--_space-3); }
  }

  .panel { padding: var(--_space-4); margin-block-end: var(--_space-4); color: #fff; background: var(--_success); text-align: center; }
  .panel__title { font-size: 1.75rem; color: inherit; }
  .panel__body { font-size: 1.25rem; }
  .panel__reference { display: inline-block; margin-block-start: var(--_space-1); font-size: 1.5rem; letter-spacing: 0.02em; unicode-bidi: isolate; direction: ltr; }

  .honeypot { position: absolute; inset-inline-start: -10000px; inline-size: 1px; block-size: 1px; overflow: hidden; }

  .kiosk-dialog { max-inline-size: min(32rem, 92vw); padding: var(--_space-4); border: 3px solid var(--_text); border-radius: var(--_radius); color: var(--_text); background: var(--_bg); }
  .kiosk-dialog::backdrop { background: rgb(0 0 0 / 0.6); }
`;
