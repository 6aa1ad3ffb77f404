/**
 * Styles every widget starts from: the box model, type, a visible focus ring, buttons, links, notices, and a
 * container so each widget adapts to its column (from 320 px up) rather than to the window.
 */
import { css } from 'lit';
import { tokens } from './tokens.ts';

const base = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: var(--_leading);
    color: var(--_text);
    background: var(--_bg);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  h1, h2, h3, h4 { line-height: 1.25; margin-block: 0 var(--_space-3); }
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.25rem; }
  p { margin-block: 0 var(--_space-3); }
  [tabindex='-1']:focus { outline: none; }

  :focus-visible, .focus-target:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_focus-text);
  }

  a { color: var(--_link); text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.15em; }
  a:visited { color: var(--_link-visited); }
  a:hover { text-decoration-thickness: max(3px, 0.1875rem); }
  a:focus-visible { color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text); outline: none; text-decoration: none; }

  .visually-hidden {
    position: absolute !important; inline-size: 1px !important; block-size: 1px !important; margin: 0 !important;
    padding: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap !important; border: 0 !important;
  }

  .button {
    display: inline-flex; align-items: center; justify-content: center; gap: var(--_space-2);
    min-block-size: var(--_control-height); padding-block: var(--_space-2); padding-inline: var(--_space-3);
    font: inherit; font-weight: 600; line-height: 1.25; color: var(--_on-accent); background: var(--_accent);
    border: 2px solid transparent; border-radius: var(--_radius); cursor: pointer; text-decoration: none;
    box-shadow: 0 2px 0 var(--_accent-hover);
  }
  .button:hover { background: var(--_accent-hover); }
  .button:active { transform: translateY(2px); box-shadow: none; }
  .button[disabled], .button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
  .button--secondary { color: var(--_text); background: var(--_surface); border-color: var(--_border); box-shadow: 0 2px 0 var(--_border); }
  .button--secondary:hover { background: var(--_border-soft); }
  .button--link {
    min-block-size: auto; padding: 0; color: var(--_link); background: none; box-shadow: none; border: 0;
    font-weight: 400; text-decoration: underline; text-underline-offset: 0.15em;
  }
  .button--link:hover { background: none; text-decoration-thickness: 3px; }
  .button:focus-visible { outline: 3px solid var(--_focus); box-shadow: 0 0 0 5px var(--_focus-text); }
  .button-group { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-3); margin-block: var(--_space-4); }

  .notice { padding: var(--_space-3); border-inline-start: 5px solid var(--_accent); background: var(--_surface); margin-block-end: var(--_space-3); }
  .notice--error { border-color: var(--_error); }
  .notice--warning { border-color: #8a5a00; background: var(--_warning-bg); }
  .notice--success { border-color: var(--_success); }
  .button--warning { background: var(--_error); box-shadow: 0 2px 0 #7d1a15; }
  .button--warning:hover { background: #8f1e18; }
  .muted { color: var(--_muted); }

  .spinner {
    display: inline-block; inline-size: 1.25em; block-size: 1.25em; border-radius: 50%;
    border: 3px solid var(--_border-soft); border-block-start-color: var(--_accent); animation: kentro-spin 0.9s linear infinite;
    vertical-align: middle;
  }
  @keyframes kentro-spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } * { scroll-behavior: auto !important; } }
  @media (forced-colors: active) { .button { border-color: ButtonText; } :focus-visible { outline-color: Highlight; } }
`;

export const sharedStyles = [tokens, base];
