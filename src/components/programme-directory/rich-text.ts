/**
 * Text from a feed. Plain text keeps its paragraphs. Text that contains markup is sanitised with DOMPurify
 * (loaded only then) into a DOM fragment and never injected as a raw string; only simple formatting and links
 * survive, and links get `rel="noopener noreferrer"`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { summary } from './results-view.ts';

const MARKUP = /<[a-z!/]/i;
const cache = new Map<string, Promise<DocumentFragment>>();

let purifier: Promise<typeof import('dompurify').default> | undefined;

function loadPurifier() {
  purifier ??= import('dompurify').then(({ default: DOMPurify }) => {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node instanceof HTMLAnchorElement) node.setAttribute('rel', 'noopener noreferrer');
    });
    return DOMPurify;
  });
  return purifier;
}

async function sanitise(source: string): Promise<DocumentFragment> {
  const DOMPurify = await loadPurifier();
  return DOMPurify.sanitize(source, {
    ALLOWED_TAGS: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a'],
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
    RETURN_DOM_FRAGMENT: true,
  });
}

function plain(text: string): TemplateResult {
  return html`${text.split(/\n\s*\n/).map((para) => html`<p>${para.trim()}</p>`)}`;
}

/** Renders a feed's text field; `nothing` when empty. */
export function richText(text: string | null | undefined): TemplateResult | typeof nothing {
  if (!text?.trim()) return nothing;
  if (!MARKUP.test(text)) return plain(text);
  let pending = cache.get(text);
  if (!pending) {
    pending = sanitise(text);
    cache.set(text, pending);
  }
  const rendered = pending.then((fragment) => html`${fragment.cloneNode(true)}`);
  return html`<div class="rich-text">${until(rendered, html`<p>${summary(text, Infinity)}</p>`)}</div>`;
}
