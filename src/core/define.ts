/**
 * Registers a custom element once. Council pages often load a widget twice (two CMS blocks, two copies of the
 * bundle); the second registration must not throw. A different version already registered gets a warning.
 */
export const VERSION: string = typeof __KENTRO_VERSION__ === 'string' ? __KENTRO_VERSION__ : 'dev';

declare global {
  const __KENTRO_VERSION__: string | undefined;
}

interface Versioned { kentroVersion?: string }

export function define(tag: string, ctor: CustomElementConstructor & Versioned) {
  const existing = customElements.get(tag) as (CustomElementConstructor & Versioned) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && existing.kentroVersion !== ctor.kentroVersion) {
    console.warn(`<${tag}> is already registered by Kentro ${existing.kentroVersion ?? 'unknown'}; this copy (${ctor.kentroVersion ?? 'unknown'}) is not used.`);
  }
}
