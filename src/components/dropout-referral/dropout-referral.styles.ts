/** Layout of the referral: progress caption, absence level tag, the "call now" page, the status code. */
import { css } from 'lit';

export default css`
  :host { min-block-size: var(--kentro-dropout-referral-min-height, 28rem); }
  .mode { margin-block-end: var(--_space-3); }
  .mode .button { justify-content: flex-start; text-align: start; }
  .caption { display: block; color: var(--_muted); margin-block-end: var(--_space-1); }
  .level { min-block-size: 1.5em; margin-block: calc(-1 * var(--_space-2)) var(--_space-3); }
  .tag { display: inline-block; padding: 0.1em 0.5em; border-inline-start: 4px solid #8a5a00; background: var(--_warning-bg); }
  .tag--severe { border-color: var(--_error); }
  .risk { max-inline-size: 40rem; }
  .risk__number { font-size: 1.5rem; min-inline-size: 8rem; }
  .code { margin-block: var(--_space-4); padding: var(--_space-3); border: 3px solid var(--_accent); max-inline-size: 40rem; }
  .code p { margin: 0 0 var(--_space-2); }
  .code__value { font-size: 1.75rem; font-weight: 700; letter-spacing: 0.08em; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }
  .history { margin: 0; padding-inline-start: 1.25rem; display: grid; gap: var(--_space-2); }
  .history p { margin: var(--_space-1) 0 0; }
  .status-result { margin-block-start: var(--_space-3); }
  .loading { display: flex; align-items: center; gap: var(--_space-2); }
`;
