import { css, unsafeCSS } from 'lit';
import skeletonCss from 'fullcalendar/skeleton.css?inline';
import themeCss from 'fullcalendar/themes/classic/theme.css?inline';
import paletteCss from 'fullcalendar/themes/classic/palette.css?inline';
import { formStyles } from '../../forms/form.styles.ts';

/** FullCalendar 7 injects no CSS: adopt it here, with its `:root` variables moved onto the host. */
const forShadow = (s: string) => unsafeCSS(s.replaceAll(':root', ':host'));

export default [forShadow(skeletonCss), forShadow(themeCss), forShadow(paletteCss), formStyles, css`
  :host {
    min-block-size: 32rem;
    --fc-classic-primary: var(--_accent);
    --fc-classic-faint-foreground: var(--_muted);
    --fc-classic-muted-foreground: var(--_muted);
  }
  .filters { display: grid; gap: var(--_space-3); grid-template-columns: 1fr; margin-block-end: var(--_space-3); padding: 0; border: 0; min-inline-size: 0; }
  @container (min-width: 36rem) { .filters { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
  .next-visit { margin-block-end: var(--_space-4); padding: var(--_space-3); background: var(--_surface); border-inline-start: 5px solid var(--_accent); }
  .next-visit h3 { font-size: 1.125rem; margin-block-end: var(--_space-2); }
  .next-visit p { margin: var(--_space-2) 0 0; font-weight: 600; }
  .cal { font-size: 0.9375rem; }
  .ev { display: inline; overflow-wrap: anywhere; }
  /* In a month cell a long word (a status such as ΑΝΑΒΛΗΘΗΚΕ) wraps inside its day instead of running into the next. */
  .cal :has(> .ev) { min-inline-size: 0; }
  .ev__status { font-weight: 700; text-transform: uppercase; font-size: 0.8125rem; margin-inline-end: 0.25em; }
  .is-cancelled .ev__title { text-decoration: line-through; }
  .is-cancelled, .is-postponed { opacity: 0.85; }
  .cal [role='button']:focus-visible, .cal [tabindex='0']:focus-visible, .cal a:focus-visible, .cal button:focus-visible { outline: 3px solid var(--_focus); outline-offset: 1px; box-shadow: 0 0 0 5px var(--_focus-text); }
  dialog.event-dialog { max-inline-size: min(38rem, 94vw); padding: var(--_space-4); border: 2px solid var(--_text); border-radius: var(--_radius); color: var(--_text); background: var(--_bg); }
  dialog.event-dialog::backdrop { background: rgb(0 0 0 / 0.55); }
  .dialog__category { color: var(--_muted); margin-block-end: var(--_space-1); }
  .dialog__title { font-size: 1.375rem; }
  .status { font-weight: 800; }
  .status--cancelled { color: var(--_error); }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: var(--_space-1) var(--_space-3); margin: 0 0 var(--_space-3); }
  .facts dt { font-weight: 700; }
  .facts dd { margin: 0; }
  .add-title { font-size: 1rem; margin-block: var(--_space-3) var(--_space-1); }
  .add-links { display: flex; flex-wrap: wrap; gap: var(--_space-3); padding: 0; margin: 0; list-style: none; }
  .loading-bar { min-block-size: 1.5rem; }
`];
