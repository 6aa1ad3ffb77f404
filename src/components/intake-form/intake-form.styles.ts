/** Layout of the intake form: the exit button kept in view, progress caption, KΕΑ advice, confirmation facts. */
import { css } from 'lit';

export default css`
  :host { min-block-size: var(--kentro-intake-form-min-height, 28rem); }
  .exit {
    position: sticky; inset-block-start: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end;
    gap: var(--_space-1) var(--_space-3); padding-block: var(--_space-2); background: var(--_bg);
  }
  .exit__hint { color: var(--_muted); font-size: 0.875rem; }
  .caption { display: block; color: var(--_muted); margin-block-end: var(--_space-1); }
  .kea { margin-block-end: var(--_space-4); max-inline-size: 40rem; }
  .kea h3 { font-size: 1.125rem; }
  .kea h4 { font-size: 1rem; margin-block: var(--_space-3) var(--_space-2); }
  .kea ul { margin-block: 0 var(--_space-3); padding-inline-start: 1.25rem; }
  .plain { margin: 0; padding: 0; list-style: none; }
  .facts { display: grid; gap: var(--_space-2); margin: 0 0 var(--_space-4); }
  .facts > div { display: grid; gap: var(--_space-1); }
  @container (min-width: 36rem) { .facts > div { grid-template-columns: 12rem 1fr; } }
  .facts dt { font-weight: 600; }
  .facts dd { margin: 0; }
  .loading { display: flex; align-items: center; gap: var(--_space-2); }
  .neutral { padding-block: var(--_space-4); }
`;
