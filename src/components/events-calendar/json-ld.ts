/**
 * schema.org `Event` JSON-LD for the events on screen, written into the widget's light DOM so search engines
 * see them (shadow DOM content is not indexed). Under Trusted Types the script text needs a policy: the page's
 * CSP must list `kentro-jsonld`; where it does not, the JSON-LD is left out and nothing else changes.
 */
import type { EventOccurrence, EventStatus } from '../../contract/events.ts';

interface ScriptPolicy { createScript(input: string): unknown }
type TrustedTypesGlobal = { trustedTypes?: { createPolicy(name: string, rules: { createScript: (s: string) => string }): ScriptPolicy } };

let policy: ScriptPolicy | null | undefined;

/** The script text, through the `kentro-jsonld` policy when Trusted Types are on; null when not allowed. */
function scriptText(json: string): unknown {
  const tt = (globalThis as TrustedTypesGlobal).trustedTypes;
  if (!tt) return json;
  if (policy === undefined) {
    try {
      // Only ever fed JSON.stringify output with `<` escaped, so it cannot close the script element.
      policy = tt.createPolicy('kentro-jsonld', { createScript: (s) => s });
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createScript(json) : null;
}

const STATUS: Record<EventStatus, string> = {
  scheduled: 'https://schema.org/EventScheduled', cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed', 'moved-online': 'https://schema.org/EventMovedOnline',
};

export function toJsonLd(events: readonly EventOccurrence[]) {
  return events.map((e) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.description,
    startDate: e.start,
    endDate: e.end,
    eventStatus: STATUS[e.status],
    eventAttendanceMode: e.status === 'moved-online' || e.place?.kind === 'online'
      ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    ...(e.originalStart ? { previousStartDate: e.originalStart } : {}),
    ...(e.place && e.place.kind !== 'online'
      ? { location: { '@type': 'Place', name: e.place.name, address: [e.place.address, e.place.city].filter(Boolean).join(', ') || undefined } }
      : {}),
    ...(e.registration.kind === 'open' || e.registration.kind === 'link'
      ? { isAccessibleForFree: true, offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', availability: 'https://schema.org/InStock', ...(e.registration.url ? { url: e.registration.url } : {}) } }
      : {}),
  }));
}

/** Replaces the host's JSON-LD with the given events (removes it when there are none). */
export function writeJsonLd(host: HTMLElement, events: readonly EventOccurrence[]) {
  let script = host.querySelector<HTMLScriptElement>(':scope > script[data-kentro-jsonld]');
  if (events.length === 0) {
    script?.remove();
    return;
  }
  const text = scriptText(JSON.stringify(toJsonLd(events)).replace(/</g, '\\u003c'));
  if (text === null) return;
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.kentroJsonld = '';
    host.append(script);
  }
  (script as unknown as { text: unknown }).text = text;
}
