/**
 * Design tokens. Every value is a `--kentro-*` custom property a council can set on any ancestor
 * (`kentro-provider { --kentro-color-accent: #7a1f5c }`); the defaults meet WCAG 2.2 AA contrast on white.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--kentro-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif);
    --_size: var(--kentro-font-size, 1rem);
    --_leading: var(--kentro-line-height, 1.5);
    --_text: var(--kentro-color-text, #1b1f24);
    --_muted: var(--kentro-color-text-muted, #4a5560);
    --_bg: var(--kentro-color-background, #ffffff);
    --_surface: var(--kentro-color-surface, #f4f6f8);
    --_border: var(--kentro-color-border, #6b7480);
    --_border-soft: var(--kentro-color-border-soft, #d5dae0);
    --_accent: var(--kentro-color-accent, #0b5cad);
    --_accent-hover: var(--kentro-color-accent-hover, #084a8c);
    --_on-accent: var(--kentro-color-on-accent, #ffffff);
    --_link: var(--kentro-color-link, #0b5cad);
    --_link-visited: var(--kentro-color-link-visited, #5b2d8c);
    --_error: var(--kentro-color-error, #b3261e);
    --_success: var(--kentro-color-success, #0f6b3a);
    --_warning-bg: var(--kentro-color-warning-background, #fff4d6);
    --_focus: var(--kentro-color-focus, #ffbf47);
    --_focus-text: var(--kentro-color-focus-text, #0b0c0c);
    --_radius: var(--kentro-radius, 0.375rem);
    --_space-1: var(--kentro-space-1, 0.25rem);
    --_space-2: var(--kentro-space-2, 0.5rem);
    --_space-3: var(--kentro-space-3, 1rem);
    --_space-4: var(--kentro-space-4, 1.5rem);
    --_space-5: var(--kentro-space-5, 2rem);
    --_control-height: var(--kentro-control-height, 2.75rem);
  }
`;
